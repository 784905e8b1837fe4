import { stripVTControlCharacters } from 'node:util'
import pc from 'picocolors'

export { pc }

export const mark = {
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  pending: pc.dim('·'),
}

/** Lines up columns of plain text; colour codes in a cell do not count towards its width. */
export function table(rows: string[][], gap = 2): string {
  const visible = (cell: string) => stripVTControlCharacters(cell).length
  const widths: number[] = []
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, visible(cell))
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell) + gap),
        )
        .join('')
        .trimEnd(),
    )
    .join('\n')
}

/** A path as the learner should type it: relative to the course root. */
export function shown(path: string, root: string): string {
  return path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path
}
