// After an exercise passes, the learner sees their own numbers: the staircase
// their server drew, the deadline it kept, the overlap their pool reached. A
// test notes them here; `pnpm course test` and `watch` print them under the
// verdict. Outside the course command (a bare vitest run) they go nowhere.
import { appendFileSync } from 'node:fs'

/** The file the course command reads the figures from, one line each. */
export const FIGURES_ENV = 'COURSE_FIGURES'

/** Notes one line of figures for the learner, e.g. "latencies 104, 207, 309 ms". */
export function showFigures(line: string): void {
  const file = process.env[FIGURES_ENV]
  if (file) appendFileSync(file, `${line.replace(/\n/g, ' ')}\n`)
}
