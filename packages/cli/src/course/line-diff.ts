// A line diff of two short files (an exercise is a few hundred lines at most),
// by longest common subsequence. Lines compare by their words, not their
// indentation: a learner's formatting is not a difference in what code does.
import type { CodeLine } from './code-lines.ts'

export type Change =
  | { kind: 'same'; yours: CodeLine; reference: CodeLine }
  | { kind: 'yours'; yours: CodeLine }
  | { kind: 'reference'; reference: CodeLine }

const words = (line: CodeLine) => line.text.trim().replace(/\s+/g, ' ')

export function diffLines(yours: CodeLine[], reference: CodeLine[]): Change[] {
  const a = yours.map(words)
  const b = reference.map(words)
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] =
        a[i] === b[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!)
    }
  }
  const changes: Change[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      changes.push({ kind: 'same', yours: yours[i++]!, reference: reference[j++]! })
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) {
      changes.push({ kind: 'reference', reference: reference[j++]! })
    } else {
      changes.push({ kind: 'yours', yours: yours[i++]! })
    }
  }
  return changes
}

/** Groups the changes into hunks, each with up to `context` unchanged lines around it. */
export function hunks(changes: Change[], context = 2): Change[][] {
  const keep = changes.map(() => false)
  changes.forEach((change, index) => {
    if (change.kind === 'same') return
    for (
      let k = Math.max(0, index - context);
      k <= Math.min(changes.length - 1, index + context);
      k++
    )
      keep[k] = true
  })
  const result: Change[][] = []
  let current: Change[] = []
  for (const [index, change] of changes.entries()) {
    if (keep[index]) {
      current.push(change)
    } else if (current.length) {
      result.push(current)
      current = []
    }
  }
  if (current.length) result.push(current)
  return result
}
