import pc from 'picocolors'
import { describe, expect, it } from 'vitest'
import { codeLines } from './code-lines.ts'
import { renderDiff } from './render-diff.ts'

const plain = pc.createColors(false)
const side = (label: string, source: string) => ({ label, lines: codeLines(source) })

describe('the code of a file', () => {
  it('leaves out comments and blank lines, and keeps each line\u2019s number', () => {
    const source = `// Exercise 1: what to do.
/**
 * A long instruction.
 */
const url = 'http://example.com' // a note

const slashes = /\\/\\//g
`
    expect(codeLines(source)).toEqual([
      { line: 5, text: "const url = 'http://example.com'" },
      { line: 7, text: 'const slashes = /\\/\\//g' },
    ])
  })
})

describe('the diff', () => {
  it('shows no difference where only comments and indentation differ', () => {
    const text = renderDiff(
      side('yours', '// my notes\nexport const add = (a, b) =>\n    a + b\n'),
      side('reference', 'export const add = (a, b) =>\n  a + b // the sum\n'),
      plain,
    )
    expect(text).toContain('Your code does what the reference does, line for line.')
  })

  it('marks the learner\u2019s lines with - and the reference\u2019s with +, in plain text for pipes', () => {
    const text = renderDiff(
      side('yours', '// TODO: write it\nexport function add(a, b) {\n  return todo()\n}\n'),
      side('reference', 'export function add(a, b) {\n  return a + b\n}\n'),
      plain,
    )
    expect(text).not.toContain('TODO')
    expect(text).not.toContain('\u001b[')
    expect(text).toContain('  2  export function add(a, b) {')
    expect(text).toContain('- 3    return todo()')
    expect(text).toContain('+ 2    return a + b')
  })
})
