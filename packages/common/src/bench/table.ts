// Results as Markdown tables, padded the way the chapters are written, so a
// table can be pasted into a chapter as printed.
import { formatRatio } from './ideal.ts'
import type { BenchResult, BenchRow } from './run.ts'

/** A table with every column as wide as its widest cell. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = header.map((title, i) =>
    Math.max(3, title.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, i) => (cells[i] ?? '').padEnd(width)).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  )
}

export interface Column {
  header: string
  cell(row: BenchRow): string
}

/** One line per row of the result, in the order measured. */
export function resultTable(result: BenchResult, columns: readonly Column[]): string {
  return markdownTable(
    columns.map((column) => column.header),
    result.rows.map((row) => columns.map((column) => column.cell(row))),
  )
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits)

/** The columns most tables are made of; a benchmark adds its own beside them. */
export const columns = {
  size: (result: BenchResult): Column => ({
    header: result.axis.symbol,
    cell: (row) => String(row.size),
  }),
  workload: (header = 'workload'): Column => ({ header, cell: (row) => row.workload }),
  contender: (header = 'server'): Column => ({ header, cell: (row) => row.contender }),
  /** A median figure of the samples, by name. */
  figure: (key: string, header: string, digits = 0): Column => ({
    header,
    cell: (row) => fixed(row.median[key], digits),
  }),
  ideal: (header = 'ideal', digits = 0): Column => ({
    header,
    cell: (row) => fixed(row.ideal, digits),
  }),
  ofIdeal: (header = 'of ideal'): Column => ({ header, cell: (row) => fixed(row.ofIdeal, 2) }),
  vsAnchor: (header = 'vs anchor'): Column => ({
    header,
    cell: (row) => formatRatio(row.vsAnchor),
  }),
}
