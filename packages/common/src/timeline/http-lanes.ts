// HTTP spans are one producer of lanes: what a client saw of each request,
// with what the server said about it in the x-timeline header.
import type { Interval, Lane } from './lane.ts'
import { type Span, served } from './span.ts'

/**
 * One lane per request, as the client saw it: 'waiting' from the moment it was
 * sent, 'served' while a worker ran the handler (by that worker), 'waiting'
 * again while the response travelled back. Against a blocking server the
 * 'served' intervals form a staircase.
 */
export function httpLanes(spans: readonly Span[]): Lane[] {
  return spans.map((span) => {
    const lane: Lane = { name: span.label, group: 'requests', intervals: requestIntervals(span) }
    if (span.status === 0) lane.note = `failed: ${span.error ?? 'no response'}`
    return lane
  })
}

function requestIntervals({ sent, received, server }: Span): Interval[] {
  if (!server) return [{ phase: 'waiting', start: sent, end: received }]
  // Two processes' clocks agree only to a fraction of a millisecond: keep the
  // server's interval inside the client's, so the three never overlap.
  const started = clamp(server.started, sent, received)
  const ended = clamp(server.ended, started, received)
  const intervals: Interval[] = [
    { phase: 'waiting', start: sent, end: started },
    { phase: 'served', start: started, end: ended, by: server.servedBy },
    { phase: 'waiting', start: ended, end: received },
  ]
  return intervals.filter(
    (interval) => interval.end > interval.start || interval.phase === 'served',
  )
}

/**
 * One lane per worker, with a 'served' interval for each request it ran: the
 * same spans seen from the server's side. A worker that served several at once
 * (an async server) spreads over as many rows.
 */
export function workerLanes(spans: readonly Span[]): Lane[] {
  const lanes = new Map<string, Lane>()
  for (const span of served(spans)) {
    const { started, ended, servedBy } = span.server
    const [pid] = servedBy.split('/')
    const lane = lanes.get(servedBy) ?? { name: servedBy, group: `process ${pid}`, intervals: [] }
    lane.intervals.push({
      phase: 'served',
      start: started,
      end: ended,
      by: servedBy,
      note: span.label,
    })
    lanes.set(servedBy, lane)
  }
  return [...lanes.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** The renderers draw lanes; HTTP spans handed to them are drawn as `httpLanes(spans)`. */
export type Drawable = readonly Lane[] | readonly Span[]

export function lanesOf(drawable: Drawable): readonly Lane[] {
  return isSpans(drawable) ? httpLanes(drawable) : drawable
}

function isSpans(drawable: Drawable): drawable is readonly Span[] {
  return drawable.some((item) => 'sent' in item)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
