import type pc from 'picocolors'
import type { CodeLine } from './code-lines.ts'
import { diffLines, hunks } from './line-diff.ts'

type Colors = ReturnType<typeof pc.createColors>

export interface Side {
  label: string
  lines: CodeLine[]
}

/** The diff as the learner reads it: - yours, + the reference's, each with its line number. */
export function renderDiff(yours: Side, reference: Side, colors: Colors): string {
  const changes = diffLines(yours.lines, reference.lines)
  const header = colors.dim(
    `--- ${yours.label}\n+++ ${reference.label}\n(code only: comments and blank lines are left out)`,
  )
  const groups = hunks(changes)
  if (groups.length === 0) {
    return `${header}\n${colors.green('Your code does what the reference does, line for line.')}`
  }
  const width = String(
    Math.max(yours.lines.at(-1)?.line ?? 0, reference.lines.at(-1)?.line ?? 0),
  ).length
  const number = (line: number) => String(line).padStart(width)
  const body = groups.map((group) =>
    group
      .map((change) => {
        if (change.kind === 'same')
          return colors.dim(`  ${number(change.yours.line)}  ${change.yours.text}`)
        if (change.kind === 'yours')
          return colors.red(`- ${number(change.yours.line)}  ${change.yours.text}`)
        return colors.green(`+ ${number(change.reference.line)}  ${change.reference.text}`)
      })
      .join('\n'),
  )
  return `${header}\n${body.join(`\n${colors.dim('  ...')}\n`)}`
}
