// Shapes, not numbers: tests assert how runs compare (here), how many requests
// were served at once and by how many workers (concurrency.ts), how requests
// were shared out (per-backend.ts), in what order things happened (order.ts),
// and that nothing was impossibly fast (no-faster.ts). Tolerances are wide on
// purpose: these tests run on busy 2-core machines, and a shape survives noise
// where a number does not.
import { failure } from './reproduce.ts'

/** How a failing shape tells the learner to see it for themselves. */
export interface Reproduce {
  /** A command that shows it, as printed (e.g. `pnpm course timeline 02 --n 7 --ms 150`). */
  reproduce: string
  hint?: string
}

export interface Ratio extends Reproduce {
  /** What each run was, e.g. "9 requests" and "3 requests". */
  names: [string, string]
  times: [number, number]
  /** The ratio first / second must fall in [min, max]. */
  min: number
  max: number
}

/** `times[0] / times[1]` lies within [min, max]. */
export function expectRatio({ names, times, min, max, ...how }: Ratio): void {
  const ratio = times[0] / times[1]
  if (ratio >= min && ratio <= max) return
  throw failure({
    expected: `${names[0]} to take ${min}x to ${max}x as long as ${names[1]}`,
    actual: `${Math.round(times[0])} ms for ${names[0]}, ${Math.round(times[1])} ms for ${names[1]}: ${ratio.toFixed(2)}x`,
    ...how,
  })
}
