import { escapeXml } from '../xml.ts'
import { type Drawable, lanesOf } from './http-lanes.ts'
import { type Interval, laneRows, timeSpan } from './lane.ts'
import { phaseLooks } from './phases.ts'

const ROW = 22
const LABEL = 180
const WIDTH = 640
const LEGEND_COLUMNS = 5
const WORKER_COLOURS = [
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
 * Draws lanes as an SVG waterfall, one row per lane: time someone was busy
 * (an interval with `by`) in that worker's colour, one strong colour per
 * worker; other phases, such as waiting, in pale colours; the legend names
 * both, and hovering an interval names its phase. HTTP spans are drawn as
 * their requests: grey while waiting, coloured while served.
 */
export function renderSvg(drawable: Drawable, title = 'Request timeline'): string {
  const lanes = lanesOf(drawable)
  const { origin, end } = timeSpan(lanes)
  const total = Math.max(end - origin, 1)
  const x = (t: number) => LABEL + ((t - origin) / total) * WIDTH
  const looks = phaseLooks(lanes)
  const workers = new Map<string, string>()
  const fillOf = ({ by, phase }: Interval) => {
    if (!by) return looks.get(phase)?.colour ?? '#000'
    if (!workers.has(by))
      workers.set(by, WORKER_COLOURS[workers.size % WORKER_COLOURS.length] ?? '#000')
    return workers.get(by) ?? '#000'
  }

  let y = 30
  const rows: string[] = []
  for (const lane of lanes) {
    rows.push(`<text x="4" y="${y + 14}">${escapeXml(lane.name)}</text>`)
    for (const row of laneRows(lane)) {
      for (const interval of row) rows.push(rect(interval, lane.name, x, y, fillOf(interval)))
      y += ROW
    }
  }

  // Only the colours drawn: a phase always done by someone shows in that worker's colour.
  const ownColour = new Set(
    lanes.flatMap((lane) => lane.intervals.filter((i) => !i.by)).map((i) => i.phase),
  )
  const legend = [
    ...[...looks]
      .filter(([phase]) => ownColour.has(phase))
      .map(([phase, look]) => [phase, look.colour] as const),
    ...[...workers].map(([worker, colour]) => [`by ${worker}`, colour] as const),
  ].map(([name, colour], i) => {
    const left = LABEL + (i % LEGEND_COLUMNS) * (WIDTH / LEGEND_COLUMNS)
    const top = y + 6 + Math.floor(i / LEGEND_COLUMNS) * ROW
    return `<rect x="${left}" y="${top}" width="10" height="10" fill="${colour}"/><text x="${left + 14}" y="${top + 9}">${escapeXml(name)}</text>`
  })
  const height = y + Math.ceil(legend.length / LEGEND_COLUMNS) * ROW + 24
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL + WIDTH + 60}" height="${height}" font-family="monospace" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="4" y="16" font-weight="bold">${escapeXml(title)}</text>`,
    ...rows,
    ...legend,
    `<text x="${LABEL}" y="${height - 6}">0 ms</text>`,
    `<text x="${LABEL + WIDTH - 40}" y="${height - 6}">${Math.round(total)} ms</text>`,
    '</svg>',
    '',
  ].join('\n')
}

function rect(
  interval: Interval,
  lane: string,
  x: (t: number) => number,
  y: number,
  fill: string,
): string {
  const { phase, start, end, by, note } = interval
  const data = `data-lane="${escapeXml(lane)}" data-phase="${escapeXml(phase)}"${by ? ` data-by="${escapeXml(by)}"` : ''}`
  const hover = `${phase}${by ? ` by ${by}` : ''} for ${Math.round(end - start)} ms${note ? `: ${note}` : ''}`
  return `<rect ${data} x="${x(start).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(end) - x(start)).toFixed(1)}" height="14" fill="${fill}"><title>${escapeXml(hover)}</title></rect>`
}
