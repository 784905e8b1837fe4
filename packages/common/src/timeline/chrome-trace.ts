import type { Span } from './span.ts'

interface TraceEvent {
  name: string
  cat: string
  ph: 'X'
  ts: number
  dur: number
  pid: number
  tid: number
  args: Record<string, unknown>
}

/**
 * Exports spans in the Chrome trace event format (open the file in
 * ui.perfetto.dev or chrome://tracing). Each server worker gets its own track,
 * so you see at a glance which worker was busy when; waits sit on a "clients"
 * track with pid 0.
 */
export function toChromeTrace(spans: readonly Span[]): { traceEvents: TraceEvent[] } {
  const traceEvents: TraceEvent[] = []
  for (const span of spans) {
    traceEvents.push({
      name: span.label,
      cat: 'client',
      ph: 'X',
      ts: span.sent * 1000,
      dur: (span.received - span.sent) * 1000,
      pid: 0,
      tid: span.id,
      args: { status: span.status, ...(span.error ? { error: span.error } : {}) },
    })
    if (span.server) {
      const [pid = 0, tid = 0] = span.server.servedBy.split('/').map(Number)
      traceEvents.push({
        name: span.label,
        cat: 'server',
        ph: 'X',
        ts: span.server.started * 1000,
        dur: (span.server.ended - span.server.started) * 1000,
        pid,
        tid,
        args: { queuedMs: span.server.started - span.server.accepted },
      })
    }
  }
  return { traceEvents }
}
