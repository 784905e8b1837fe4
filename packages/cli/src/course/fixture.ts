// A tiny course on disk, for tests that must not touch the real lessons.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function makeCourse(): string {
  const root = mkdtempSync(join(tmpdir(), 'course-fixture-'))
  const lesson = join(root, 'lessons', '01-demo')
  for (const folder of ['src', 'starter', 'solution'])
    mkdirSync(join(lesson, folder), { recursive: true })
  writeFileSync(
    join(lesson, 'lesson.json'),
    JSON.stringify({
      id: 'demo',
      number: '01',
      title: 'Demo',
      summary: 'A lesson for tests',
      exercises: [{ id: 'add', title: 'Add', file: 'add.ts', tests: ['test/add.test.ts'] }],
      mutants: [],
    }),
  )
  writeFileSync(join(lesson, 'starter', 'add.ts'), 'export const add = () => 0\n')
  writeFileSync(join(lesson, 'src', 'add.ts'), 'export const add = () => 0\n')
  writeFileSync(join(lesson, 'solution', 'add.ts'), 'export const add = (a, b) => a + b\n')
  return root
}
