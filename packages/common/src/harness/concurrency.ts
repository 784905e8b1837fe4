// How many requests a server served at once, and by how many workers, are two
// different shapes: a pool of W blocking workers serves W at once on W workers,
// an async server serves N at once on one. Each is asserted on its own, from
// the server's own timestamps (x-timeline), never from the client's clock.
import { maxConcurrent, type Span, served, workersSeen } from '../timeline/span.ts'
import { failure } from './reproduce.ts'
import type { Reproduce } from './shapes.ts'

/** An exact number, or bounds: `{ min: 40 }` is "at least 40". */
export type Count = number | { min?: number; max?: number }

/** The most requests the server was serving at one instant fits `count`. */
export function expectConcurrency(spans: readonly Span[], count: Count, how: Reproduce): void {
  const overlap = maxConcurrent(spans)
  if (fits(overlap, count)) return
  throw failure({
    expected: `${spans.length} requests served ${describeCount(count)} at a time`,
    actual: `${overlap} served at once, at the busiest moment`,
    figures: `server-side intervals in ms from the first start: ${serverIntervals(spans)}`,
    ...how,
  })
}

/** The number of distinct workers ("pid/thread" in x-timeline) that served these requests fits `count`. */
export function expectWorkers(spans: readonly Span[], count: Count, how: Reproduce): void {
  const seen = workersSeen(spans)
  if (fits(seen.length, count)) return
  const plural = count === 1 ? 'worker' : 'workers'
  throw failure({
    expected: `${spans.length} requests served by ${describeCount(count)} distinct ${plural}`,
    actual: `served by ${seen.length} (${seen.join(', ') || 'none'})`,
    figures: `requests per worker: ${perWorker(spans)}`,
    ...how,
  })
}

export function fits(actual: number, count: Count): boolean {
  if (typeof count === 'number') return actual === count
  return actual >= (count.min ?? 0) && actual <= (count.max ?? Number.POSITIVE_INFINITY)
}

export function describeCount(count: Count): string {
  if (typeof count === 'number') return String(count)
  const { min, max } = count
  if (min !== undefined && max !== undefined) return `${min} to ${max}`
  if (min !== undefined) return `at least ${min}`
  if (max !== undefined) return `at most ${max}`
  return 'any number'
}

const SHOWN = 12

/** "#1 0-150 by 7/0, #2 0-151 by 7/1, ..." from the server's timestamps. */
function serverIntervals(spans: readonly Span[]): string {
  const reported = served(spans)
  const origin = Math.min(...reported.map((span) => span.server.started))
  const shown = reported.slice(0, SHOWN).map(({ id, server }) => {
    const from = Math.round(server.started - origin)
    return `#${id} ${from}-${Math.round(server.ended - origin)} by ${server.servedBy}`
  })
  if (reported.length > SHOWN) shown.push(`and ${reported.length - SHOWN} more`)
  return `${shown.join(', ') || 'none'}${unreported(spans)}`
}

function perWorker(spans: readonly Span[]): string {
  const counts = new Map<string, number>()
  for (const { server } of served(spans)) {
    counts.set(server.servedBy, (counts.get(server.servedBy) ?? 0) + 1)
  }
  const listed = [...counts].map(([worker, n]) => `${worker}: ${n}`).join(', ')
  return `${listed || 'none'}${unreported(spans)}`
}

function unreported(spans: readonly Span[]): string {
  const missing = spans.length - served(spans).length
  return missing > 0 ? `; ${missing} without an x-timeline header (failed or not answered)` : ''
}
