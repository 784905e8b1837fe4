// A tiny course on disk, for tests that must not touch the real lessons.
// Made inside packages/cli (not /tmp) when its tests must run: from there
// `import 'vitest'` resolves as in a real lesson.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lessonFile, writeCourse } from '@course/lessons/fixture'

/** Where runnable fixtures go: ignored by git, Biome and turbo. */
export const fixturesDir = fileURLToPath(new URL('../../.fixtures/', import.meta.url))

/** Lesson 01-demo: one exercise, `add`, whose starter fails its one test and whose solution passes. */
export function makeCourse(parent?: string): string {
  const root = writeCourse({ '01-demo': lessonFile() }, parent)
  const lesson = join(root, 'lessons', '01-demo')
  for (const folder of ['src', 'starter', 'solution', 'test', 'hints'])
    mkdirSync(join(lesson, folder), { recursive: true })
  writeFileSync(join(lesson, 'starter', 'add.ts'), 'export const add = (a, b) => 0\n')
  writeFileSync(join(lesson, 'src', 'add.ts'), 'export const add = (a, b) => 0\n')
  writeFileSync(join(lesson, 'solution', 'add.ts'), 'export const add = (a, b) => a + b\n')
  writeFileSync(join(lesson, 'hints', 'add.md'), 'Add them.\n---\nUse +.\n')
  writeFileSync(
    join(lesson, 'vitest.config.ts'),
    "export default { test: { include: ['test/**/*.test.ts'] } }\n",
  )
  // As in the real lessons, the code under test is loaded by a dynamic import chosen by COURSE_IMPL.
  writeFileSync(
    join(lesson, 'test', 'add.test.ts'),
    `import { appendFileSync } from 'node:fs'
import { expect, it } from 'vitest'
const folder = process.env.COURSE_IMPL === 'solution' ? 'solution' : 'src'
it('adds two numbers', async () => {
  const { add } = await import(new URL(\`../\${folder}/add.ts\`, import.meta.url).href)
  expect(add(2, 3)).toBe(5)
  // What showFigures in the harness does: a line for the learner to see once it passes.
  if (process.env.COURSE_FIGURES) appendFileSync(process.env.COURSE_FIGURES, 'add(2, 3) = 5\\n')
})
`,
  )
  return root
}
