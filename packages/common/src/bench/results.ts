// What a run leaves behind, next to each other in the lesson's
// bench/results/ (ignored by git): the whole result as JSON, the table as
// Markdown, and the chart as SVG.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { machineLine } from './machine.ts'
import type { BenchResult } from './run.ts'

/** "2026-11-25, 2 cores (AMD EPYC 7B13), Node v20.20.2, load 0.42 at start; median of 5 rounds of 1 s after 1 warm-up" */
export function describeRun(result: BenchResult): string {
  const { rounds, warmups, seconds } = result.settings
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
  const each = seconds > 0 ? ` of ${seconds} s` : ''
  return `${result.date.slice(0, 10)}, ${machineLine(result.machine)}; median of ${plural(rounds, 'round')}${each} after ${plural(warmups, 'warm-up')}`
}

export interface ResultFiles {
  json: string
  markdown: string
  svg?: string
}

/** Writes <name>.json, <name>.md (the table under its caption) and, given one, <name>.svg. */
export function writeResults(
  dir: string,
  result: BenchResult,
  { table, svg }: { table: string; svg?: string },
): ResultFiles {
  mkdirSync(dir, { recursive: true })
  const files: ResultFiles = {
    json: join(dir, `${result.name}.json`),
    markdown: join(dir, `${result.name}.md`),
    ...(svg ? { svg: join(dir, `${result.name}.svg`) } : {}),
  }
  writeFileSync(files.json, `${JSON.stringify(result, null, 2)}\n`)
  writeFileSync(files.markdown, `# ${result.title}\n\n${describeRun(result)}.\n\n${table}\n`)
  if (svg && files.svg) writeFileSync(files.svg, svg)
  return files
}
