import { type ChildProcess, fork } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { checkLeaksAfterEach, failure } from '@course/common/harness'
import { tsxExecArgv } from '@course/common/serve'
import { median } from '@course/common/stats'
import { maxConcurrent, type Span } from '@course/common/timeline'
import { afterEach, describe, expect, it } from 'vitest'
import {
  PoolClosedError,
  QueueFullError,
  TaskAbortedError,
  TaskFailedError,
  TaskTimeoutError,
} from '#errors'
import type { ThreadPool, ThreadPoolClass, ThreadPoolOptions } from '#types'
import { impl } from '../lesson.ts'
import type { CpuOrder } from './fixtures/cpu-process.ts'
import type { TestResult, TestTask } from './fixtures/tasks.ts'

interface CpuProcess {
  child: ChildProcess
  exited: Promise<void>
  run(order: CpuOrder): Promise<void>
}

/** A plain process running test/fixtures/cpu-process.ts, ready for orders. */
async function startCpuProcess(): Promise<CpuProcess> {
  const child = fork(cpuProcessFile, [], { execArgv: tsxExecArgv })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise((resolve) => child.once('message', resolve))
  const run = (order: CpuOrder) =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve())
      child.send(order)
    })
  return { child, exited, run }
}

const { ThreadPool: Pool } = await impl.load<{ ThreadPool: ThreadPoolClass }>('thread-pool.ts')
const filename = fileURLToPath(new URL('./fixtures/tasks.ts', import.meta.url))
const cpuProcessFile = fileURLToPath(new URL('./fixtures/cpu-process.ts', import.meta.url))

checkLeaksAfterEach()
const pools: Array<ThreadPool<TestTask, TestResult>> = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

async function startPool(options: Partial<ThreadPoolOptions> = {}) {
  const pool = new Pool<TestTask, TestResult>({ filename, threads: 2, maxQueue: 16, ...options })
  pools.push(pool)
  await pool.ready()
  return pool
}

const asSpans = (results: TestResult[]): Span[] =>
  results.map((result, id) => ({
    id,
    label: `task ${id}`,
    status: 200,
    sent: result.started,
    received: result.ended,
    server: { ...result, accepted: result.started, servedBy: String(result.threadId) },
  }))

/** Settles a promise into what happened, so a test can look at rejections side by side. */
const outcome = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  )

describe('ThreadPool', () => {
  it('runs at most W tasks at once, and min(N, W) of them together', async () => {
    const pool = await startPool({ threads: 3 })
    const results = await Promise.all(Array.from({ length: 7 }, () => pool.run({ sleepMs: 120 })))
    const overlap = maxConcurrent(asSpans(results))
    const threads = new Set(results.map((result) => result.threadId)).size
    if (overlap !== 3 || threads !== 3) {
      throw failure({
        expected: '7 tasks on 3 threads: exactly 3 running at once, on 3 distinct threads',
        actual: `${overlap} at once, on ${threads} threads`,
        reproduce: 'pnpm course test thread-pool',
      })
    }
  })

  it('refuses a task beyond the queue bound with QueueFullError, at once', async () => {
    const pool = await startPool({ threads: 1, maxQueue: 2 })
    const accepted = [
      pool.run({ sleepMs: 300 }),
      pool.run({ sleepMs: 1 }),
      pool.run({ sleepMs: 1 }),
    ]
    const started = performance.now()
    const refused = await outcome(pool.run({ sleepMs: 1 }))
    expect('error' in refused && refused.error).toBeInstanceOf(QueueFullError)
    // Refused without waiting for a thread: far sooner than the 300 ms task ahead of it.
    expect(performance.now() - started).toBeLessThan(150)
    await Promise.all(accepted)
  })

  it('stops a task past its timeout and replaces its thread', async () => {
    const pool = await startPool({ threads: 1, taskTimeoutMs: 200 })
    const before = await pool.run({})
    const stuck = await outcome(pool.run({ hang: true }))
    expect('error' in stuck && stuck.error).toBeInstanceOf(TaskTimeoutError)
    const after = await pool.run({})
    expect(after.threadId).not.toBe(before.threadId)
  })

  it('takes an aborted task out of the queue', async () => {
    const pool = await startPool({ threads: 1 })
    const running = pool.run({ sleepMs: 200 })
    const cancel = new AbortController()
    const waiting = outcome(pool.run({ sleepMs: 1 }, { signal: cancel.signal }))
    expect(pool.stats().queued).toBe(1)
    cancel.abort()
    const result = await waiting
    expect('error' in result && result.error).toBeInstanceOf(TaskAbortedError)
    expect(pool.stats().queued).toBe(0)
    await running
  })

  it('stops a running task when it is aborted, and keeps serving', async () => {
    const pool = await startPool({ threads: 1 })
    const cancel = new AbortController()
    const running = outcome(pool.run({ hang: true }, { signal: cancel.signal }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    cancel.abort()
    const result = await running
    expect('error' in result && result.error).toBeInstanceOf(TaskAbortedError)
    expect((await pool.run({ sleepMs: 1 })).threadId).toBeGreaterThan(0)
  })

  it('rejects with the message of a task that throws, and the thread keeps serving', async () => {
    const pool = await startPool({ threads: 1 })
    const result = await outcome(pool.run({ fail: 'no such user' }))
    expect('error' in result && result.error).toBeInstanceOf(TaskFailedError)
    expect('error' in result && result.error.message).toBe('no such user')
    await pool.run({ sleepMs: 1 })
  })

  it('reports busy threads, queue length and utilisation', async () => {
    const pool = await startPool({ threads: 2 })
    const tasks = [
      pool.run({ sleepMs: 200 }),
      pool.run({ sleepMs: 200 }),
      pool.run({ sleepMs: 200 }),
    ]
    expect(pool.stats()).toMatchObject({ threads: 2, busy: 2, queued: 1 })
    await Promise.all(tasks)
    const stats = pool.stats()
    expect(stats).toMatchObject({ busy: 0, queued: 0, completed: 3 })
    expect(stats.utilization).toBeGreaterThan(0)
    expect(stats.utilization).toBeLessThanOrEqual(1)
  })

  it('closes gracefully: running and queued tasks finish, new ones are refused', async () => {
    const pool = await startPool({ threads: 1 })
    const tasks = [pool.run({ sleepMs: 100 }), pool.run({ sleepMs: 100 })]
    const closed = pool.close()
    const late = await outcome(pool.run({}))
    expect('error' in late && late.error).toBeInstanceOf(PoolClosedError)
    const results = await Promise.all(tasks)
    expect(results).toHaveLength(2)
    await closed
  })

  it('scales CPU work with threads up to the core count, and not beyond', async (context) => {
    const cores = Math.min(availableParallelism(), 4)
    const tasks = cores * 4
    const pools = await Promise.all(
      [1, cores, cores * 2].map((threads) => startPool({ threads, maxQueue: 64 })),
    )
    // The yardstick: plain processes doing the same work, one alone and `cores` side by side.
    const yardstick = await Promise.all(Array.from({ length: cores }, startCpuProcess))
    try {
      const onPool = (pool: ThreadPool<TestTask, TestResult>, cpuUnits: number) =>
        Promise.all(Array.from({ length: tasks }, () => pool.run({ cpuUnits })))
      const [first] = yardstick
      const alone = async (units: number) => first?.run({ units, times: tasks })
      const sideBySide = (units: number) =>
        Promise.all(yardstick.map((each) => each.run({ units, times: tasks / cores })))
      // Warm-up: every thread and process compiles the hot loop once, outside the measured windows.
      await Promise.all([...pools.map((pool) => onPool(pool, 20)), sideBySide(20)])
      const runs: Array<() => Promise<unknown>> = [
        () => alone(150),
        () => sideBySide(150),
        ...pools.map((pool) => () => onPool(pool, 150)),
      ]
      // Interleaved rounds, medians: a noisy moment hurts every run alike.
      const samples = runs.map((): number[] => [])
      for (let round = 0; round < 3; round++) {
        for (const [i, run] of runs.entries()) {
          const started = performance.now()
          await run()
          samples[i]?.push(performance.now() - started)
        }
      }
      const [processAlone = 1, processes = 1, one = 1, all = 1, twice = 1] = samples.map(median)
      const machine = processAlone / processes
      const speedup = one / all
      const beyond = one / twice
      const figures = `${cores} processes side by side ${machine.toFixed(2)}x faster than one; ${cores} threads ${speedup.toFixed(2)}x faster than 1, ${cores * 2} threads ${beyond.toFixed(2)}x`
      // Other programs are using the cores: the machine itself shows no parallelism to compare with.
      if (machine < 1 + 0.25 * (cores - 1)) {
        context.skip(`too busy to judge: ${figures}`)
      }
      // A pool that runs tasks one by one gives 1.0x whatever the machine can do.
      const least = 1 + 0.5 * (machine - 1)
      if (speedup < least || beyond > Math.max(speedup, machine) * 1.3) {
        throw failure({
          expected: `${cores} threads at least ${least.toFixed(2)}x faster than 1 (half the gain of ${cores} plain processes), and ${cores * 2} threads no faster than ${cores}`,
          actual: figures,
          reproduce: 'pnpm course test thread-pool',
          hint: 'run up to W tasks at once, one per thread: a task waits only when every thread is busy',
        })
      }
    } finally {
      for (const each of yardstick) each.child.kill()
      await Promise.all(yardstick.map((each) => each.exited))
    }
  })
})
