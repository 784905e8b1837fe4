// The two shapes every pool and server lesson asserts: how many requests were
// served at once (from the server's own timestamps), and how one run's time
// compares with another's. Tolerances are wide on purpose: these tests run on
// busy 2-core machines, and a shape survives noise where a number does not.
import { maxConcurrent, type Span, workersSeen } from '../timeline/span.ts'
import { failure } from './reproduce.ts'

export interface Reproduce {
  reproduce: string
  hint?: string
}

/** Exactly `workers` requests were served at once, by exactly `workers` distinct workers. */
export function expectServedAtOnce(spans: Span[], workers: number, how: Reproduce): void {
  const overlap = maxConcurrent(spans)
  const seen = workersSeen(spans)
  if (overlap === workers && seen.length === workers) return
  throw failure({
    expected: `${spans.length} requests served ${workers} at a time, by ${workers} distinct worker${workers > 1 ? 's' : ''}`,
    actual: `${overlap} served at once, by ${seen.length} (${seen.join(', ')})`,
    ...how,
  })
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
