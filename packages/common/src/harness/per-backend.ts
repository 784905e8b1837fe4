// How a balancer shared requests out: round-robin gives every backend the
// same count, smooth weighted round-robin exact counts, least-connections
// far more to a fast backend than to a slow one. Who served a request comes
// from the server itself: its x-timeline worker, or the body of /whoami.
import type { Reply } from '../load/send.ts'
import { failure } from './reproduce.ts'
import type { Reproduce } from './shapes.ts'

/** Where a reply came from when neither x-timeline nor /whoami said. */
export const UNKNOWN_BACKEND = '(unknown)'

export type PerBackend =
  /** `backends` backends, each of which served exactly `each` requests. */
  | { backends: number; each: number }
  /** Exactly these counts, and no other backend. */
  | { exactly: Readonly<Record<string, number>> }
  /** `ratio[0]` served `min`x to `max`x as many requests as `ratio[1]`. */
  | { ratio: readonly [string, string]; min: number; max?: number }

/** The worker a reply names: x-timeline's "pid/thread", or `servedBy` in a /whoami body. */
export function whoServed(reply: Reply): string | undefined {
  if (reply.span.server) return reply.span.server.servedBy
  try {
    const body: unknown = JSON.parse(reply.body.toString('utf8'))
    if (typeof body === 'object' && body !== null && 'servedBy' in body) {
      return typeof body.servedBy === 'string' ? body.servedBy : undefined
    }
  } catch {
    // Not JSON: not a /whoami reply.
  }
  return undefined
}

/**
 * Requests per backend. `backendOf` names the backend of a reply (by default
 * the worker it names); a lesson maps it to its own names, e.g. a pid to
 * "backend 2".
 */
export function countPerBackend(
  replies: readonly Reply[],
  backendOf: (reply: Reply) => string | undefined = whoServed,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const reply of replies) {
    const backend = backendOf(reply) ?? UNKNOWN_BACKEND
    counts.set(backend, (counts.get(backend) ?? 0) + 1)
  }
  return counts
}

export function expectPerBackend(
  counts: ReadonlyMap<string, number>,
  expected: PerBackend,
  how: Reproduce,
): void {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
  const actual = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([backend, n]) => `${backend}: ${n}`)
    .join(', ')
  const verdict = judge(counts, expected)
  if (!verdict) return
  throw failure({
    expected: verdict.expected,
    actual: `${actual || 'no requests'}${verdict.ratio ?? ''}`,
    figures: `${total} requests in all, ${counts.get(UNKNOWN_BACKEND) ?? 0} from no known backend`,
    ...how,
  })
}

/** What was expected, when the counts do not show it. */
function judge(
  counts: ReadonlyMap<string, number>,
  expected: PerBackend,
): { expected: string; ratio?: string } | undefined {
  if ('each' in expected) {
    const { backends, each } = expected
    const even = counts.size === backends && [...counts.values()].every((n) => n === each)
    return even ? undefined : { expected: `each of ${backends} backends to serve ${each} requests` }
  }
  if ('exactly' in expected) {
    const wanted = Object.entries(expected.exactly)
    const same =
      counts.size === wanted.length && wanted.every(([backend, n]) => counts.get(backend) === n)
    const listed = wanted.map(([backend, n]) => `${backend}: ${n}`).join(', ')
    return same ? undefined : { expected: `exactly ${listed}` }
  }
  const [first, second] = expected.ratio
  const { min, max = Number.POSITIVE_INFINITY } = expected
  const ratio = (counts.get(first) ?? 0) / (counts.get(second) ?? 0)
  if (ratio >= min && ratio <= max) return undefined
  const range = Number.isFinite(max) ? `${min}x to ${max}x` : `at least ${min}x`
  return {
    expected: `${first} to serve ${range} as many requests as ${second}`,
    ratio: ` (${ratio.toFixed(2)}x)`,
  }
}
