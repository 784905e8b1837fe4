// Some conditions become true a while after what caused them: a killed worker
// is replaced, a backend comes back into rotation, a signal is handled. Poll,
// rather than sleep a fixed time that is too short on a busy machine and too
// long everywhere else.
import { setTimeout as delay } from 'node:timers/promises'
import { failure } from './reproduce.ts'
import type { Reproduce } from './shapes.ts'

export interface Eventually extends Reproduce {
  /** What should become true, e.g. "3 workers answering after SIGTTIN". */
  what: string
  /** Give up after this long (default 10 s). */
  timeoutMs?: number
  /** Wait this long between checks (default 200 ms). */
  intervalMs?: number
  /** What was seen instead, for the failure message, e.g. the workers that did answer. */
  actual?: () => string
}

/** Resolves once `condition` holds; fails with expected / actual / reproduce when it never does. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  { what, timeoutMs = 10_000, intervalMs = 200, actual, ...how }: Eventually,
): Promise<void> {
  const started = performance.now()
  let checks = 0
  for (;;) {
    checks += 1
    if (await condition()) return
    const elapsed = performance.now() - started
    if (elapsed >= timeoutMs) {
      throw failure({
        expected: `${what}, within ${timeoutMs} ms`,
        actual: actual?.() ?? 'still not so',
        figures: `${checks} checks over ${Math.round(elapsed)} ms, ${intervalMs} ms apart`,
        ...how,
      })
    }
    await delay(Math.min(intervalMs, timeoutMs - elapsed))
  }
}
