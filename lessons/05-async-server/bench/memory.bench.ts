// Lesson 05 benchmark: what a waiting request costs an async server. C =
// 1000 requests of GET /io?ms=4000 are held in flight at once; the server's
// memory then, less its memory idle, shared among the requests in flight at
// that instant (from the servers' own timestamps), is the cost of one. Two
// measures: the heap after a full collection, as the server reports it (GET
// /_heap: what the framework's objects hold, garbage left out), and resident
// memory read from outside (all of it, sockets and garbage included, and
// noisier). Beside it, in the same run: what a thread and a process cost,
// which is what a waiting request costs a thread pool or a pre-fork server.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import {
  benchSettings,
  describeMachine,
  interleavedRounds,
  machineLine,
  markdownTable,
} from '@course/common/bench'
import type { ServerProcess } from '@course/common/harness'
import { burst, send } from '@course/common/load'
import { median } from '@course/common/stats'
import { served } from '@course/common/timeline'
import { HEAP_PATH, type HeapReport } from '../bin/heap-report.ts'
import { bareContenders, contenders } from './contenders.ts'

const IN_FLIGHT = 1000
const WAIT_MS = 4000
/** When to read the memory: late enough for every connection to be in, early enough that none has ended. */
const SAMPLE_AT_MS = 3000
const HELD = 8
const { rounds } = benchSettings({ rounds: 3, warmups: 0, seconds: 0 })

/** Resident memory of a process, in KiB (Linux /proc). */
function rssKiB(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
}

/** The server's heap and outside-heap memory after a full collection, in KiB (its GET /_heap). */
async function heapKiB(server: ServerProcess): Promise<number> {
  const reply = await send(server.baseUrl, { path: HEAP_PATH })
  const { heapUsed, external } = JSON.parse(reply.body.toString()) as HeapReport
  return (heapUsed + external) / 1024
}

/** What one request in flight costs: resident memory, and heap after a collection. */
async function perRequestKiB(server: ServerProcess): Promise<{ rss: number; heap: number }> {
  // Warm up: the JIT's code and the first buffers are no request's cost.
  for (let i = 0; i < 3; i++) await burst(server.baseUrl, { path: '/io?ms=1', n: 100 })
  await delay(200)
  const idle = { rss: rssKiB(server.pid), heap: await heapKiB(server) }
  const sampledAt = performance.timeOrigin + performance.now() + SAMPLE_AT_MS
  const held = burst(server.baseUrl, { path: `/io?ms=${WAIT_MS}`, n: IN_FLIGHT })
  await delay(SAMPLE_AT_MS)
  const during = { rss: rssKiB(server.pid), heap: await heapKiB(server) }
  const { spans } = await held
  const inFlight = Math.max(
    1,
    served(spans).filter(
      (span) => span.server.started <= sampledAt && span.server.ended >= sampledAt,
    ).length,
  )
  return { rss: (during.rss - idle.rss) / inFlight, heap: (during.heap - idle.heap) / inFlight }
}

// The lesson's servers beside node:http running the same app, then the
// frameworks alone beside a bare node:http: what the framework costs, and
// what the app's middleware adds to it.
const all = [...contenders, ...bareContenders]
const started = await Promise.all(all.map((contender) => contender.start(0)))
try {
  const samples = await interleavedRounds(started, ({ handle }) => perRequestKiB(handle), {
    rounds,
  })

  // A process on its own, and a thread: both idle, as a worker waiting on a request is.
  const processes = Array.from({ length: HELD }, () =>
    spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' }),
  )
  await delay(1_000)
  const processKiB = median(processes.map((child) => rssKiB(child.pid ?? 'self')))
  for (const child of processes) child.kill()
  const before = rssKiB()
  const threads = Array.from(
    { length: HELD },
    () => new Worker('setInterval(() => {}, 1e9)', { eval: true }),
  )
  await delay(1_000)
  const threadKiB = (rssKiB() - before) / HELD
  await Promise.all(threads.map((thread) => thread.terminate()))

  const medians = samples.map((rounds) => ({
    rss: median(rounds.map((sample) => sample.rss)),
    heap: median(rounds.map((sample) => sample.heap)),
  }))
  const anchor = medians[0] ?? { rss: Number.NaN, heap: Number.NaN }
  const rows = all.map((contender, i) => {
    const { rss, heap } = medians[i] ?? anchor
    const of = medians[all.findIndex((each) => each.name === contender.anchor)]
    const vs = (kib: number, base: number | undefined) =>
      base ? `${(kib / base).toFixed(2)}×` : ''
    return [contender.name, heap.toFixed(1), vs(heap, of?.heap), rss.toFixed(1), vs(rss, of?.rss)]
  })
  rows.push(
    ['a thread (idle)', '', '', threadKiB.toFixed(0), ''],
    ['a process (idle)', '', '', processKiB.toFixed(0), ''],
  )
  console.log(
    `\nMemory per request in flight (C = ${IN_FLIGHT}, median of ${rounds} round${rounds > 1 ? 's' : ''}); ${machineLine(describeMachine())}\n`,
  )
  console.log(
    markdownTable(
      ['what waits', 'heap KiB each', 'vs its node:http', 'resident KiB each', 'vs its node:http'],
      rows,
    ),
  )
  console.log(
    `\nA waiting request costs one async server ${(threadKiB / anchor.rss).toFixed(0)}x less resident memory than a thread and ${(processKiB / anchor.rss).toFixed(0)}x less than a process.`,
  )
} finally {
  await Promise.all(started.map((each) => each.stop()))
}
