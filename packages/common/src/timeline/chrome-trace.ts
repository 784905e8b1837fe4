import { type Drawable, lanesOf } from './http-lanes.ts'
import { laneRows } from './lane.ts'

/** One interval: a slice on a track, microseconds on the `now()` clock. */
export interface TraceSlice {
  name: string
  cat: string
  ph: 'X'
  ts: number
  dur: number
  pid: number
  tid: number
  args: { lane: string; by?: string; note?: string }
}

/** Names a track: a group becomes a process, a lane (or a row of it) a thread. */
export interface TraceName {
  name: 'process_name' | 'thread_name'
  ph: 'M'
  pid: number
  tid: number
  args: { name: string }
}

export type TraceEvent = TraceName | TraceSlice

/**
 * Exports lanes in the Chrome trace event format (open the file in
 * ui.perfetto.dev or chrome://tracing). Each group is a process and each lane
 * a named thread of it, in the order given, with one slice per interval named
 * after its phase. A lane that did several things at once gets one thread per
 * row ("name (2)"), since slices on one thread must not overlap. HTTP spans
 * are exported as their requests; add `workerLanes(spans)` for a track per
 * worker.
 */
export function toChromeTrace(drawable: Drawable): { traceEvents: TraceEvent[] } {
  const traceEvents: TraceEvent[] = []
  const groups = new Map<string, { pid: number; threads: number }>()
  for (const lane of lanesOf(drawable)) {
    const groupName = lane.group ?? 'timeline'
    let group = groups.get(groupName)
    if (!group) {
      group = { pid: groups.size + 1, threads: 0 }
      groups.set(groupName, group)
      traceEvents.push(named('process_name', group.pid, 0, groupName))
    }
    for (const [nth, row] of laneRows(lane).entries()) {
      group.threads += 1
      const { pid } = group
      const tid = group.threads
      traceEvents.push(
        named('thread_name', pid, tid, nth === 0 ? lane.name : `${lane.name} (${nth + 1})`),
      )
      for (const { phase, start, end, by, note } of row) {
        traceEvents.push({
          name: phase,
          cat: groupName,
          ph: 'X',
          ts: start * 1000,
          dur: (end - start) * 1000,
          pid,
          tid,
          args: { lane: lane.name, ...(by ? { by } : {}), ...(note ? { note } : {}) },
        })
      }
    }
  }
  return { traceEvents }
}

function named(name: TraceName['name'], pid: number, tid: number, value: string): TraceName {
  return { name, ph: 'M', pid, tid, args: { name: value } }
}
