// A source file as code only: what it does, without what it says. Comments
// are found by TypeScript's own parser (a regular expression would take the
// "//" in a URL or a regex for one), then blank lines are left out.
import ts from 'typescript'

export interface CodeLine {
  /** 1-based line number in the file. */
  line: number
  /** The line with its comments removed, as written otherwise. */
  text: string
}

/** The [start, end) of every comment in `source`. */
function commentRanges(source: string): Array<[number, number]> {
  const file = ts.createSourceFile(
    'file.ts',
    source,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  )
  const ranges = new Map<number, number>()
  const visit = (node: ts.Node) => {
    const at = node.getFullStart()
    for (const range of [
      ...(ts.getLeadingCommentRanges(source, at) ?? []),
      ...(ts.getTrailingCommentRanges(source, at) ?? []),
    ]) {
      ranges.set(range.pos, range.end)
    }
    for (const child of node.getChildren(file)) if (!ts.isJSDoc(child)) visit(child)
  }
  visit(file)
  return [...ranges]
}

export function codeLines(source: string): CodeLine[] {
  let code = source
  for (const [start, end] of commentRanges(source)) {
    // Keep the newlines, so every line keeps its number.
    code = code.slice(0, start) + code.slice(start, end).replace(/[^\n]/g, ' ') + code.slice(end)
  }
  return code
    .split('\n')
    .map((text, index) => ({ line: index + 1, text: text.trimEnd() }))
    .filter(({ text }) => text.trim() !== '')
}
