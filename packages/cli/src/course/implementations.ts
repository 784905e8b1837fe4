// A student's exercise files as a temporary implementation, for `course grade`.
import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Lesson } from '@course/lessons/lesson'
import { type TemporaryImplementation, temporaryImplementation } from '@course/lessons/mutants'

/**
 * A student's exercise files, taken from their checkout of the same course.
 * A file they do not have is taken from the starter, so it fails as unstarted.
 */
export function studentImplementation(lesson: Lesson, checkout: string): TemporaryImplementation {
  const implementation = temporaryImplementation(lesson, 'grade')
  for (const exercise of lesson.exercises) {
    const theirs = join(checkout, 'lessons', lesson.slug, 'src', exercise.file)
    const source = existsSync(theirs) ? theirs : join(lesson.dir, 'starter', exercise.file)
    cpSync(source, join(implementation.dir, exercise.file))
  }
  return implementation
}
