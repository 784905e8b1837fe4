import type { ServerTimes } from './header.ts'

/** One request as the timeline draws it: client-side and server-side timestamps. */
export interface Span {
  id: number
  label: string
  /** HTTP status, or 0 when the request failed before any response. */
  status: number
  /** The client sent the request. */
  sent: number
  /** The client had the whole response. */
  received: number
  /** What the server said about itself, when it said it (see header.ts). */
  server?: Required<ServerTimes>
  error?: string
}

/** A span the server reported on. */
export type ServedSpan = Span & { server: Required<ServerTimes> }

export function served(spans: readonly Span[]): ServedSpan[] {
  return spans.filter((span): span is ServedSpan => span.server !== undefined)
}

/**
 * The largest number of requests the server was serving at one instant, from
 * the server's own start/end timestamps (a sweep over the interval ends).
 * A blocking server must give 1; a pool of W workers at most W.
 */
export function maxConcurrent(spans: readonly Span[]): number {
  const events = served(spans).flatMap((span) => [
    { at: span.server.started, delta: 1 },
    { at: span.server.ended, delta: -1 },
  ])
  // An end and a start at the same instant do not overlap: count the end first.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let current = 0
  let max = 0
  for (const event of events) {
    current += event.delta
    max = Math.max(max, current)
  }
  return max
}

/** Distinct workers ("pid/thread") that served these spans. */
export function workersSeen(spans: readonly Span[]): string[] {
  return [...new Set(served(spans).map((span) => span.server.servedBy))].sort()
}
