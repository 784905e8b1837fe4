// Temporary implementations for verify and grade: a copy of the reference with
// one mutation, or a student's exercise files. They live in the lesson's own
// .impl/ folder so their imports (@course/common/..., #types) resolve as usual.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Lesson, Mutant } from './lessons.ts'

export interface TemporaryImplementation {
  dir: string
  remove(): void
}

function temporary(lesson: Lesson, name: string): TemporaryImplementation {
  const dir = join(lesson.dir, '.impl', `${name}-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Applies one mutant to a copy of the reference; its `find` must match exactly once. */
export function mutate(source: string, mutant: Mutant): string {
  const at = source.indexOf(mutant.find)
  if (at === -1 || source.indexOf(mutant.find, at + 1) !== -1) {
    throw new Error(
      `mutant "${mutant.id}": its "find" text must occur exactly once in solution/${mutant.file}; update lesson.json`,
    )
  }
  return source.slice(0, at) + mutant.replace + source.slice(at + mutant.find.length)
}

export function mutantImplementation(lesson: Lesson, mutant: Mutant): TemporaryImplementation {
  const implementation = temporary(lesson, `mutant-${mutant.id}`)
  cpSync(join(lesson.dir, 'solution'), implementation.dir, { recursive: true })
  const file = join(implementation.dir, mutant.file)
  writeFileSync(file, mutate(readFileSync(file, 'utf8'), mutant))
  return implementation
}

/**
 * A student's exercise files, taken from their checkout of the same course.
 * A file they do not have is taken from the starter, so it fails as unstarted.
 */
export function studentImplementation(lesson: Lesson, checkout: string): TemporaryImplementation {
  const implementation = temporary(lesson, 'grade')
  for (const exercise of lesson.exercises) {
    const theirs = join(checkout, 'lessons', lesson.slug, 'src', exercise.file)
    const source = existsSync(theirs) ? theirs : join(lesson.dir, 'starter', exercise.file)
    cpSync(source, join(implementation.dir, exercise.file))
  }
  return implementation
}
