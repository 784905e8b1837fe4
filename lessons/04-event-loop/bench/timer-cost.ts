// Cost per timer as the number of timers grows: n timers pushed with
// scattered deadlines, then popped in order. A heap should cost about
// log2(n) comparisons each way, so ns per timer divided by log2(n) stays flat.
import { sleep, VirtualClock } from '#loop'
import type * as SchedulerReference from '../solution/scheduler.ts'
import type * as Reference from '../solution/timer-heap.ts'
import type { Timer } from '../types.ts'

type HeapClass = typeof Reference.TimerHeap

export function heapNsPerTimer(TimerHeap: HeapClass, n: number): number {
  const heap = new TimerHeap<Timer>()
  // A fixed pseudo-random sequence (xorshift), the same on every run; the
  // timers are made before the clock starts: only the heap's work is timed.
  let x = 2463534242 | 0
  const timers = Array.from({ length: n }, () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return { deadline: (x >>> 0) % 1_000_000, seq: 0, heapIndex: -1 }
  })
  const started = performance.now()
  for (const timer of timers) heap.push(timer)
  while (heap.pop()) {}
  return ((performance.now() - started) * 1e6) / n
}

/** The same through the whole scheduler: n tasks each sleeping once, from spawn to end, on a virtual clock. */
export async function schedulerNsPerSleeper(
  Scheduler: typeof SchedulerReference.Scheduler,
  n: number,
): Promise<number> {
  const scheduler = new Scheduler(new VirtualClock())
  let x = 2463534242 | 0
  const started = performance.now()
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    scheduler.spawn(sleep((x >>> 0) % 1_000_000))
  }
  await scheduler.run()
  return ((performance.now() - started) * 1e6) / n
}
