// How much faster CPU work runs on more threads, measured beside a yardstick:
// the same tasks in plain processes, one alone and one per core side by side,
// each fed one task per message as a pool feeds its threads (on a busy
// machine, waking the test's own thread for each hand-over costs as much as
// the work). The processes show what this machine can run in parallel right
// now, so the pool is judged against that, in the same moments, rather than
// against a number.
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { elapsedMs, interleavedRounds } from '@course/common/bench'
import { tsxExecArgv } from '@course/common/serve'
import { median } from '@course/common/stats'
import type { ThreadPool } from '#types'
import type { CpuOrder, CpuReport } from './fixtures/cpu-process.ts'
import type { TestResult, TestTask } from './fixtures/tasks.ts'

const cpuProcessFile = fileURLToPath(new URL('./fixtures/cpu-process.ts', import.meta.url))

export interface CpuProcess {
  run(order: CpuOrder): Promise<CpuReport>
  stop(): Promise<void>
}

/** A plain process running test/fixtures/cpu-process.ts, ready for orders. */
export async function startCpuProcess(): Promise<CpuProcess> {
  const child: ChildProcess = fork(cpuProcessFile, [], { execArgv: tsxExecArgv })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise((resolve) => child.once('message', resolve))
  return {
    run: (order) =>
      new Promise<CpuReport>((resolve) => {
        child.once('message', resolve)
        child.send(order)
      }),
    async stop() {
      child.kill()
      await exited
    },
  }
}

export interface Scaling {
  /** Of the time the processes' tasks took, the share they ran on a core: near 1 on a free machine. */
  share: number
  /** The processes: `cores` side by side over one alone (the yardstick). */
  machine: number
  /** The pool: `cores` threads over 1. */
  speedup: number
  /** The pool: `2 x cores` threads over 1. */
  beyond: number
}

/**
 * Times `tasks` tasks of `units` of CPU work on each pool (1, cores, 2 x cores
 * threads) and on the processes, in interleaved rounds. Each ratio is taken
 * within a round, from runs made one right after the other, then the median
 * over the rounds: a noisy moment spoils one round, not the verdict.
 */
export async function measureScaling(
  pools: [
    ThreadPool<TestTask, TestResult>,
    ThreadPool<TestTask, TestResult>,
    ThreadPool<TestTask, TestResult>,
  ],
  processes: CpuProcess[],
  { tasks, units, rounds }: { tasks: number; units: number; rounds: number },
): Promise<Scaling> {
  const onPool = (pool: ThreadPool<TestTask, TestResult>) => () =>
    Promise.all(Array.from({ length: tasks }, () => pool.run({ cpuUnits: units })))
  const used = { cpuMs: 0, wallMs: 0 }
  const inTurn = async (each: CpuProcess | undefined, count: number) => {
    for (let i = 0; i < count; i++) {
      const report = await each?.run({ units })
      used.cpuMs += report?.cpuMs ?? 0
      used.wallMs += report?.wallMs ?? 0
    }
  }
  const alone = () => inTurn(processes[0], tasks)
  const sideBySide = () =>
    Promise.all(processes.map((each) => inTurn(each, tasks / processes.length)))
  const [one, all, twice] = pools
  const [aloneMs = [], sideMs = [], oneMs = [], allMs = [], twiceMs = []] = await interleavedRounds(
    [alone, sideBySide, onPool(one), onPool(all), onPool(twice)],
    (run) => elapsedMs(run),
    { rounds },
  )
  /** The median over the rounds of a ratio of two runs made in the same round. */
  const ratio = (over: number[], under: number[]) =>
    median(over.map((ms, round) => ms / (under[round] ?? Number.NaN)))
  return {
    share: used.wallMs > 0 ? used.cpuMs / used.wallMs : 0,
    machine: ratio(aloneMs, sideMs),
    speedup: ratio(oneMs, allMs),
    beyond: ratio(oneMs, twiceMs),
  }
}
