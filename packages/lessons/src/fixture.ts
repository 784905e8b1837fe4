// Small courses on disk, for tests that must not depend on the real lessons.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A lesson.json that passes the schema; override any field. */
export function lessonFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'demo',
    number: '01',
    title: 'Demo',
    summary: 'A lesson for tests',
    exercises: [{ id: 'add', title: 'Add', file: 'add.ts', tests: ['test/add.test.ts'] }],
    ...overrides,
  }
}

/** Writes lessons/<slug>/lesson.json for each entry; returns the course's root. */
export function writeCourse(lessons: Record<string, unknown>, parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true })
  const root = mkdtempSync(join(parent, 'course-fixture-'))
  for (const [slug, lesson] of Object.entries(lessons)) {
    mkdirSync(join(root, 'lessons', slug), { recursive: true })
    writeFileSync(
      join(root, 'lessons', slug, 'lesson.json'),
      typeof lesson === 'string' ? lesson : JSON.stringify(lesson),
    )
  }
  return root
}
