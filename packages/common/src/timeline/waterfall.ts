import type { Span } from './span.ts'

export interface WaterfallOptions {
  /** Characters for the time axis. */
  width?: number
}

/**
 * Draws spans as a terminal waterfall, one row per request:
 *
 *   ' ' not sent yet   '.' sent, waiting for the server   '#' being served
 *
 * Against a blocking server the '#' blocks form a staircase.
 */
export function renderWaterfall(
  spans: readonly Span[],
  { width = 50 }: WaterfallOptions = {},
): string {
  if (spans.length === 0) return '(no requests)\n'
  const origin = Math.min(...spans.map((span) => span.sent))
  const end = Math.max(...spans.map((span) => span.received))
  const total = Math.max(end - origin, 1)
  const column = (t: number) =>
    Math.min(width, Math.max(0, Math.round(((t - origin) / total) * width)))
  const labelWidth = Math.max(...spans.map((span) => span.label.length))

  const rows = spans.map((span, index) => {
    const bar = Array.from({ length: width }, () => ' ')
    const from = column(span.sent)
    const to = Math.max(column(span.received), from + 1)
    const serveFrom = span.server ? column(span.server.started) : to
    const serveTo = span.server ? Math.max(column(span.server.ended), serveFrom + 1) : to
    for (let c = from; c < to && c < width; c++) bar[c] = c >= serveFrom && c < serveTo ? '#' : '.'
    const latency = `${Math.round(span.received - span.sent)} ms`.padStart(8)
    const outcome = span.status === 0 ? ` failed: ${span.error ?? 'no response'}` : ''
    const by = span.server ? ` by ${span.server.servedBy}` : ''
    return `${String(index + 1).padStart(3)}  ${span.label.padEnd(labelWidth)} |${bar.join('')}|${latency}${by}${outcome}`
  })

  const axis = `${' '.repeat(labelWidth + 6)}0 ms${' '.repeat(Math.max(1, width - 8))}${Math.round(total)} ms`
  const legend = "     '.' waiting for the server   '#' being served"
  return `${[axis, ...rows, legend].join('\n')}\n`
}
