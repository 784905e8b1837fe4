// Bytes per parked task: N tasks asleep at once, the heap measured after a
// full garbage collection, before and after.
import { setImmediate as turn } from 'node:timers/promises'
import { collectGarbage } from '@course/common/gc'
import { type Program, RealClock, sleep } from '#loop'
import type * as Reference from '../solution/scheduler.ts'
import type { Yielding } from './switches.ts'

type SchedulerClass = typeof Reference.Scheduler

function heapAfterGc(): number {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}

/** A task that sleeps for an hour: parked, as long as any measurement takes. */
function* asleep(): Program<void> {
  yield* sleep(3_600_000)
}

/** The same, yielding its effect without the star (see switches.ts). */
function* asleepPlain(): Program<void> {
  yield sleep(3_600_000)
}

export const sleepers = { 'yield*': asleep, yield: asleepPlain } satisfies Record<Yielding, unknown>

/** Bytes per task of your scheduler, each asleep on a timer of the heap. */
export async function schedulerBytesPerTask(
  Scheduler: SchedulerClass,
  n: number,
  yielding: Yielding,
): Promise<number> {
  const before = heapAfterGc()
  const scheduler = new Scheduler(new RealClock())
  const tasks = Array.from({ length: n }, () => scheduler.spawn(sleepers[yielding]()))
  const done = scheduler.run()
  await turn()
  // The array of tasks is the benchmark's, not the tasks': leave it out, as below.
  const bytes = (heapAfterGc() - before - n * 8) / n
  for (const task of tasks) scheduler.cancel(task)
  await done
  return bytes
}

/** Bytes per pending native async function, each awaiting its own timer or one shared promise. */
export async function nativeBytesPerTask(n: number, withTimer: boolean): Promise<number> {
  const before = heapAfterGc()
  const wakers: Array<() => void> = []
  let wakeShared = () => {}
  const shared = new Promise<void>((resolve) => {
    wakeShared = resolve
  })
  const ownTimer = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3_600_000)
      wakers.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  const pending = Array.from({ length: n }, async () => {
    await (withTimer ? ownTimer() : shared)
  })
  await turn()
  // The array of wakers is the benchmark's, not the task's: leave it out.
  const bytes = (heapAfterGc() - before - (withTimer ? n * 8 : 0)) / n
  for (const wake of wakers) wake()
  wakeShared()
  await Promise.all(pending)
  return bytes
}
