import { type Drawable, lanesOf } from './http-lanes.ts'
import { type Interval, laneRows, timeSpan, workersOf } from './lane.ts'
import { phaseLooks } from './phases.ts'

export interface WaterfallOptions {
  /** Characters for the time axis. */
  width?: number
}

/**
 * Draws lanes as a terminal waterfall, one row per lane, one character per
 * phase (the legend says which); HTTP spans are drawn as their requests:
 *
 *   ' ' not sent yet   '.' waiting   '#' served
 *
 * Against a blocking server the '#' blocks form a staircase. A lane that did
 * several things at once (a worker of an async server) takes several rows.
 */
export function renderWaterfall(drawable: Drawable, { width = 50 }: WaterfallOptions = {}): string {
  const lanes = lanesOf(drawable)
  if (lanes.length === 0) return '(nothing to draw)\n'
  const { origin, end } = timeSpan(lanes)
  const total = Math.max(end - origin, 1)
  const column = (t: number) =>
    Math.min(width, Math.max(0, Math.round(((t - origin) / total) * width)))
  const looks = phaseLooks(lanes)
  const labelWidth = Math.max(...lanes.map((lane) => lane.name.length))

  const draw = (row: Interval[]) => {
    const bar = Array.from({ length: width }, () => ' ')
    for (const interval of row) {
      const glyph = looks.get(interval.phase)?.glyph ?? '?'
      const from = column(interval.start)
      const to = column(interval.end)
      for (let c = from; c < to; c++) bar[c] = glyph
      // Too short for a column of its own: still show work, and a lane's only
      // interval, where nothing else is drawn (not every rounding of a wait).
      const cell = Math.min(from, width - 1)
      const shown = interval.by !== undefined || row.length === 1
      if (to === from && shown && bar[cell] === ' ') bar[cell] = glyph
    }
    return bar.join('')
  }

  const rows = lanes.flatMap((lane, index) => {
    const laneStart = Math.min(...lane.intervals.map((interval) => interval.start))
    const laneEnd = Math.max(...lane.intervals.map((interval) => interval.end))
    const took = lane.intervals.length > 0 ? `${Math.round(laneEnd - laneStart)} ms` : ''
    const workers = workersOf(lane).filter((worker) => worker !== lane.name)
    const by = workers.length > 0 ? ` by ${workers.join(', ')}` : ''
    const note = lane.note ? ` ${lane.note}` : ''
    return laneRows(lane).map((row, nth) =>
      nth === 0
        ? `${String(index + 1).padStart(3)}  ${lane.name.padEnd(labelWidth)} |${draw(row)}|${took.padStart(8)}${by}${note}`
        : `${' '.repeat(labelWidth + 5)} |${draw(row)}|`,
    )
  })

  const axis = `${' '.repeat(labelWidth + 6)}0 ms${' '.repeat(Math.max(1, width - 8))}${Math.round(total)} ms`
  const legend = [...looks].map(([phase, look]) => `'${look.glyph}' ${phase}`).join('   ')
  return `${[axis, ...rows, `     ${legend}`].join('\n')}\n`
}
