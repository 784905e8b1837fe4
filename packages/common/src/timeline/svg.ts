import type { Span } from './span.ts'

const ROW = 22
const LABEL = 180
const WIDTH = 640
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#9c755f',
]

/**
 * Draws spans as an SVG waterfall: a grey bar while the request waits for the
 * server, a coloured bar while it is served, one colour per worker.
 */
export function renderSvg(spans: readonly Span[], title = 'Request timeline'): string {
  const origin = Math.min(...spans.map((span) => span.sent))
  const total = Math.max(Math.max(...spans.map((span) => span.received)) - origin, 1)
  const x = (t: number) => LABEL + ((t - origin) / total) * WIDTH
  const colours = new Map<string, string>()
  const colourOf = (worker: string) => {
    if (!colours.has(worker)) colours.set(worker, PALETTE[colours.size % PALETTE.length] ?? '#000')
    return colours.get(worker) ?? '#000'
  }

  const rows = spans.map((span, index) => {
    const y = 30 + index * ROW
    const parts = [
      `<text x="4" y="${y + 14}">${escapeXml(span.label)}</text>`,
      `<rect x="${x(span.sent).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(span.received) - x(span.sent)).toFixed(1)}" height="14" fill="#ddd"><title>${Math.round(span.received - span.sent)} ms in all</title></rect>`,
    ]
    if (span.server) {
      const { started, ended, servedBy } = span.server
      parts.push(
        `<rect x="${x(started).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(ended) - x(started)).toFixed(1)}" height="14" fill="${colourOf(servedBy)}"><title>served by ${servedBy} for ${Math.round(ended - started)} ms</title></rect>`,
      )
    }
    return parts.join('')
  })

  const height = 50 + spans.length * ROW
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL + WIDTH + 60}" height="${height}" font-family="monospace" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="4" y="16" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${LABEL}" y="${height - 6}">0 ms</text>`,
    `<text x="${LABEL + WIDTH - 40}" y="${height - 6}">${Math.round(total)} ms</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n')
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
