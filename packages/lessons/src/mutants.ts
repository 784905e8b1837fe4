// Temporary implementations for verify, grade and benchmarks: a copy of the
// reference with one mutation, or any set of exercise files. They live in the
// lesson's own .impl/ folder so their imports (@course/common/..., #types)
// resolve as the real ones do.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Lesson, Mutant } from './lesson.ts'

export interface TemporaryImplementation {
  /** Absolute folder: give it to COURSE_IMPL. */
  dir: string
  remove(): void
}

/** An empty folder under the lesson's .impl/, unique to this process. */
export function temporaryImplementation(lesson: Lesson, name: string): TemporaryImplementation {
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

/** The reference solution with one mutant applied, in a temporary folder. */
export function mutantImplementation(lesson: Lesson, mutant: Mutant): TemporaryImplementation {
  const implementation = temporaryImplementation(lesson, `mutant-${mutant.id}`)
  cpSync(join(lesson.dir, 'solution'), implementation.dir, { recursive: true })
  const file = join(implementation.dir, mutant.file)
  writeFileSync(file, mutate(readFileSync(file, 'utf8'), mutant))
  return implementation
}
