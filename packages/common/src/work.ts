// The three kinds of work a request can do. Every server in the course runs
// the same work, so any difference you measure comes from the architecture.
import { setTimeout as delay } from 'node:timers/promises'
import { median } from './stats.ts'

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/**
 * Blocks the whole thread for `ms` milliseconds, as a synchronous database
 * driver would. `Atomics.wait` really parks the thread (no busy loop), and Node
 * allows it on the main thread, so nothing else on this thread runs meanwhile.
 */
export function blockingSleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

/** Waits `ms` milliseconds without holding the thread: other tasks run meanwhile. */
export function asyncSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, signal ? { signal } : undefined)
}

/** Rounds of the hash below in one unit of CPU work (about 0.1-0.3 ms on a laptop core). */
export const ROUNDS_PER_UNIT = 100_000

/** Where every run of cpuWork starts, unless told to carry on from a checksum. */
export const CPU_SEED = 2463534242

/**
 * A fixed amount of CPU work: `units` x ROUNDS_PER_UNIT rounds of xorshift32.
 * It is a computation, not a clock spin, so two of them really compete for one
 * core and stop scaling at the core count. The checksum makes it impossible
 * for the JIT to skip the loop, and lets a test check the work was done.
 * Passing the checksum of one run as `from` carries on where it stopped, so
 * work done in pieces (lesson 05's chunks) ends with the same checksum.
 */
export function cpuWork(units: number, from: number = CPU_SEED): number {
  // The seed as an int32 from the start: a seed above 2^31 begins as a double,
  // and V8 then sometimes compiles this loop with doubles, 3x slower (seen in
  // pool threads after many small tasks). The bits, and so the checksum, are the same.
  let x = from | 0
  const rounds = units * ROUNDS_PER_UNIT
  for (let i = 0; i < rounds; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
  }
  return x >>> 0
}

/**
 * What one unit of cpuWork costs on this thread, in milliseconds: a median
 * after a warm-up, so that a benchmark can ask for tasks of a given cost.
 */
export function cpuUnitMs(): number {
  for (let i = 0; i < 50; i++) cpuWork(5)
  return median(
    Array.from({ length: 21 }, () => {
      const started = performance.now()
      cpuWork(10)
      return (performance.now() - started) / 10
    }),
  )
}
