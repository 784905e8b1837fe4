// The timeline's general base: named lanes, each a row of intervals, each
// interval one phase of what the lane was doing. An HTTP request is one lane
// ('waiting', then 'served', see http-lanes.ts); so is a request going through
// a balancer ('queued', then 'at backend'), a scheduler's task that never
// speaks HTTP ('ready', 'running', 'parked'), or a worker's busy time.

/** What one lane was doing from `start` to `end`. */
export interface Interval {
  /** A short name for the kind of time this was: 'waiting', 'queued', 'cpu', 'at backend'... */
  phase: string
  /** Milliseconds on the `now()` clock, so intervals from several processes line up. */
  start: number
  end: number
  /** Who was busy during it (a worker "pid/thread", a backend); left out for time spent waiting. */
  by?: string
  /** A word more, shown on hover in SVG and in the Chrome trace, e.g. the request's label. */
  note?: string
}

export interface Lane {
  /** The row's label: a request, a task, a worker. */
  name: string
  /** Lanes of one group share a process in the Chrome trace, e.g. 'requests' or 'backend 2'. */
  group?: string
  intervals: Interval[]
  /** Said after the row in the waterfall, e.g. why a request failed. */
  note?: string
}

/**
 * Splits a lane into rows in which no two intervals overlap. A lane is usually
 * one row; a worker serving many requests at once (an async server) needs as
 * many rows as it had requests in flight, so the pictures never draw one
 * interval over another. Intervals that only touch share a row.
 */
export function laneRows(lane: Lane): Interval[][] {
  const rows: Interval[][] = []
  const sorted = [...lane.intervals].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const interval of sorted) {
    const free = rows.find((row) => (row.at(-1)?.end ?? Number.NEGATIVE_INFINITY) <= interval.start)
    if (free) free.push(interval)
    else rows.push([interval])
  }
  return rows.length > 0 ? rows : [[]]
}

/** The earliest start and the latest end over every lane, for a shared time axis. */
export function timeSpan(lanes: readonly Lane[]): { origin: number; end: number } {
  const intervals = lanes.flatMap((lane) => lane.intervals)
  if (intervals.length === 0) return { origin: 0, end: 0 }
  return {
    origin: Math.min(...intervals.map((interval) => interval.start)),
    end: Math.max(...intervals.map((interval) => interval.end)),
  }
}

/** The distinct workers a lane's intervals name, in the order they appear. */
export function workersOf(lane: Lane): string[] {
  return [...new Set(lane.intervals.flatMap((interval) => (interval.by ? [interval.by] : [])))]
}
