// Your predictions against Node itself: each snippet runs in its own node
// process, as you would run it, and prints its labels one per line.
import { execFile } from 'node:child_process'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { failure } from '@course/common/harness'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import { SNIPPETS, type Snippet, snippetFile } from '../snippets/index.ts'
import type * as Reference from '../solution/loop-order.ts'

const { predictions } = await impl.load<typeof Reference>('loop-order.ts')
const run = promisify(execFile)
const root = fileURLToPath(new URL('../../../', import.meta.url))
const shown = (labels: string[]) => labels.map((label) => `"${label}"`).join(' -> ')

/** The labels the snippet prints when Node runs it, in order. */
async function printedBy(snippet: Snippet): Promise<string[]> {
  const { stdout } = await run(process.execPath, [snippetFile(snippet.id)])
  return stdout.trim().split('\n')
}

/** Undefined when the prediction is right; otherwise the failure, with Node's order and why. */
function judge(snippet: Snippet, predicted: string[], printed: string[]): Error | undefined {
  if (shown(printed) === shown(predicted)) return undefined
  const at = printed.findIndex((label, index) => predicted[index] !== label)
  return failure({
    expected: `Node printed ${shown(printed)}`,
    actual: `you predicted ${shown(predicted)} (first difference at position ${at + 1})`,
    reproduce: `node ${relative(root, snippetFile(snippet.id))}`,
    hint: snippet.why,
  })
}

describe('the order of Node callbacks', () => {
  for (const snippet of SNIPPETS) {
    it(`predicts ${snippet.id}: ${snippet.title}`, async () => {
      const path = relative(root, snippetFile(snippet.id))
      const predicted = predictions[snippet.id] ?? []
      if (predicted.length === 0) {
        throw failure({
          expected: `your prediction for ${path}`,
          actual: 'none yet',
          reproduce: `read ${path} (do not run it yet)`,
          hint: 'write its labels in lessons/04-event-loop/src/loop-order.ts, in the order you expect them to print',
        })
      }
      const wrong = judge(snippet, predicted, await printedBy(snippet))
      if (wrong) throw wrong
    })
  }
})

describe('what a wrong prediction is told', () => {
  it("shows Node's order, where the prediction first differs, and why by the loop's phases and queues", async () => {
    for (const snippet of SNIPPETS) {
      const printed = await printedBy(snippet)
      // The first two labels swapped: the most common slip, one place off.
      const [first = '', second = '', ...rest] = printed
      const told = judge(snippet, [second, first, ...rest], printed)?.message ?? ''
      expect(told, snippet.id).toContain(`Node printed ${shown(printed)}`)
      expect(told, snippet.id).toContain('first difference at position 1')
      expect(told, snippet.id).toContain(snippet.why)
      expect(
        snippet.why,
        `${snippet.id}: the explanation names the phase, the queue or the thread that decides the order`,
      ).toMatch(/timers phase|poll phase|check phase|nextTick|microtask|thread/)
    }
  })
})
