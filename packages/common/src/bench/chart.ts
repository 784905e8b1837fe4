// Line charts in plain SVG, written by hand: a chart is a few lines and
// circles, and a chart library would be a dependency for each of them. One
// panel per workload, the size (W, N or C) across, one line per contender.

import { escapeXml } from '../xml.ts'
import type { BenchResult, BenchRow } from './run.ts'

export interface Series {
  name: string
  points: { x: number; y: number }[]
}

export interface ChartSpec {
  title: string
  xLabel: string
  yLabel: string
  /** Spaced evenly whatever their values: 1, 2, 4, 8 workers read best that way. */
  xValues: readonly number[]
  series: readonly Series[]
  /** A dashed horizontal line, e.g. at 1.0 when the figures are fractions of the ideal. */
  guide?: { y: number; label: string }
}

const PANEL = { width: 380, height: 260 }
const PLOT = { left: 56, right: 16, top: 28, bottom: 44 }
const LEGEND_ROW = 16
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#9c755f']

/** Panels side by side, `perRow` to a row, and one legend for them all. */
export function renderCharts(title: string, charts: readonly ChartSpec[], perRow = 2): string {
  const names = [...new Set(charts.flatMap((chart) => chart.series.map((line) => line.name)))]
  const colour = (name: string) => PALETTE[names.indexOf(name) % PALETTE.length] ?? '#000'
  const across = Math.min(perRow, charts.length)
  const down = Math.ceil(charts.length / perRow)
  const width = Math.max(1, across) * PANEL.width
  // The legend takes the first empty place in the grid, or a strip below it.
  const spare = charts.length < across * down
  const legendLeft = spare ? (charts.length % perRow) * PANEL.width + PLOT.left : PLOT.left
  const legendTop = 30 + (spare ? (down - 1) * PANEL.height + PLOT.top : down * PANEL.height)
  const height = 30 + down * PANEL.height + (spare ? 0 : names.length * LEGEND_ROW + 10)
  const panels = charts.map((chart, i) =>
    panel(chart, (i % perRow) * PANEL.width, 30 + Math.floor(i / perRow) * PANEL.height, colour),
  )
  const legend = names.map((name, i) => {
    const y = legendTop + i * LEGEND_ROW
    return `<line x1="${legendLeft}" y1="${y}" x2="${legendLeft + 24}" y2="${y}" stroke="${colour(name)}" stroke-width="2"/><text x="${legendLeft + 30}" y="${y + 4}">${escapeXml(name)}</text>`
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    ...panels,
    ...legend,
    '</svg>',
    '',
  ].join('\n')
}

function panel(
  chart: ChartSpec,
  left: number,
  top: number,
  colour: (name: string) => string,
): string {
  const plotWidth = PANEL.width - PLOT.left - PLOT.right
  const plotHeight = PANEL.height - PLOT.top - PLOT.bottom
  const ys = chart.series.flatMap((line) => line.points.map((point) => point.y))
  const step = niceStep(Math.max(...ys.filter(Number.isFinite), chart.guide?.y ?? 0, 1e-9) / 5)
  const yMax =
    step * Math.ceil(Math.max(...ys.filter(Number.isFinite), chart.guide?.y ?? 0) / step || 1)
  const slots = Math.max(1, chart.xValues.length - 1)
  const x = (value: number) => {
    const at = chart.xValues.indexOf(value)
    return PLOT.left + (chart.xValues.length === 1 ? plotWidth / 2 : (at / slots) * plotWidth)
  }
  const y = (value: number) => PLOT.top + plotHeight - (value / yMax) * plotHeight
  const yTicks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step)
  const label = (value: number) => String(Number(value.toPrecision(6)))

  const parts = [
    `<text x="${PLOT.left}" y="${PLOT.top - 10}" font-weight="bold">${escapeXml(chart.title)}</text>`,
    ...yTicks.map(
      (tick) =>
        `<line x1="${PLOT.left}" y1="${y(tick).toFixed(1)}" x2="${PLOT.left + plotWidth}" y2="${y(tick).toFixed(1)}" stroke="#eee"/><text x="${PLOT.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${label(tick)}</text>`,
    ),
    ...chart.xValues.map(
      (value) =>
        `<text x="${x(value).toFixed(1)}" y="${PLOT.top + plotHeight + 16}" text-anchor="middle">${label(value)}</text>`,
    ),
    `<line x1="${PLOT.left}" y1="${PLOT.top + plotHeight}" x2="${PLOT.left + plotWidth}" y2="${PLOT.top + plotHeight}" stroke="#999"/>`,
    `<text x="${PLOT.left + plotWidth / 2}" y="${PANEL.height - 8}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(14 ${PLOT.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  ]
  if (chart.guide) {
    const at = y(chart.guide.y).toFixed(1)
    parts.push(
      `<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.left + plotWidth}" y2="${at}" stroke="#999" stroke-dasharray="4 3"/><text x="${PLOT.left + plotWidth}" y="${Number(at) - 4}" text-anchor="end" fill="#666">${escapeXml(chart.guide.label)}</text>`,
    )
  }
  for (const line of chart.series) {
    const points = line.points.filter((point) => Number.isFinite(point.y))
    const stroke = colour(line.name)
    parts.push(
      `<polyline fill="none" stroke="${stroke}" stroke-width="2" points="${points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ')}"/>`,
      ...points.map(
        (point) =>
          `<circle cx="${x(point.x).toFixed(1)}" cy="${y(point.y).toFixed(1)}" r="3" fill="${stroke}"><title>${escapeXml(line.name)}: ${label(point.y)} at ${label(point.x)}</title></circle>`,
      ),
    )
  }
  return `<g transform="translate(${left} ${top})">\n${parts.join('\n')}\n</g>`
}

/** 1, 2 or 5 times a power of ten: tick steps a reader can add up. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough))
  const scaled = rough / power
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power
}

export interface ChartsOfOptions {
  /** What to draw of each row; the median of the result's figure by default. */
  value?(row: BenchRow): number | undefined
  yLabel?: string
  guide?: ChartSpec['guide']
  /** Adds a line of the ideal figure (drawn with the median figure only). */
  ideal?: boolean
}

/** One chart per workload of a result: the size across, one line per contender. */
export function chartsOf(result: BenchResult, options: ChartsOfOptions = {}): ChartSpec[] {
  const value = options.value ?? ((row: BenchRow) => row.median[result.figure.key])
  const workloads = [...new Set(result.rows.map((row) => row.workload))]
  const contenders = [...new Set(result.rows.map((row) => row.contender))]
  return workloads.map((workload) => ({
    title: workload,
    xLabel: `${result.axis.symbol}: ${result.axis.label}`,
    yLabel: options.yLabel ?? result.figure.label,
    xValues: result.sizes,
    series: [
      ...contenders.map((name) => ({
        name,
        points: result.rows
          .filter((row) => row.workload === workload && row.contender === name)
          .map((row) => ({ x: row.size, y: value(row) ?? Number.NaN })),
      })),
      ...(options.ideal && !options.value ? [idealSeries(result, workload)] : []),
    ],
    ...(options.guide ? { guide: options.guide } : {}),
  }))
}

function idealSeries(result: BenchResult, workload: string): Series {
  const first = result.rows.find((row) => row.workload === workload)?.contender
  return {
    name: 'ideal',
    points: result.rows
      .filter((row) => row.workload === workload && row.contender === first)
      .map((row) => ({ x: row.size, y: row.ideal ?? Number.NaN })),
  }
}
