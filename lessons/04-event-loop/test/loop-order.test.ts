// Your predictions against Node itself: each snippet runs in its own node
// process, as you would run it, and prints its labels one per line.
import { execFile } from 'node:child_process'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { failure } from '@course/common/harness'
import { describe, it } from 'vitest'
import { impl } from '../lesson.ts'
import { SNIPPETS, snippetFile } from '../snippets/index.ts'
import type * as Reference from '../solution/loop-order.ts'

const { predictions } = await impl.load<typeof Reference>('loop-order.ts')
const run = promisify(execFile)
const root = fileURLToPath(new URL('../../../', import.meta.url))
const shown = (labels: string[]) => labels.map((label) => `"${label}"`).join(' -> ')

describe('the order of Node callbacks', () => {
  for (const snippet of SNIPPETS) {
    it(`predicts ${snippet.id}: ${snippet.title}`, async () => {
      const file = snippetFile(snippet.id)
      const path = relative(root, file)
      const reproduce = `node ${path}`
      const predicted = predictions[snippet.id] ?? []
      if (predicted.length === 0) {
        throw failure({
          expected: `your prediction for ${path}`,
          actual: 'none yet',
          reproduce: `read ${path} (do not run it yet)`,
          hint: 'write its labels in lessons/04-event-loop/src/loop-order.ts, in the order you expect them to print',
        })
      }
      const { stdout } = await run(process.execPath, [file])
      const printed = stdout.trim().split('\n')
      if (shown(printed) === shown(predicted)) return
      const at = printed.findIndex((label, index) => predicted[index] !== label)
      throw failure({
        expected: `Node printed ${shown(printed)}`,
        actual: `you predicted ${shown(predicted)} (first difference at position ${at + 1})`,
        reproduce,
        hint: snippet.why,
      })
    })
  }
})
