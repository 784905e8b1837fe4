// Nothing a learner wrote is ever lost by a course command: before reset or
// restore overwrites an exercise file, the file is copied here first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Exercise, exercisePath, type Lesson } from '@course/lessons/lesson'
import { stateDir } from './state.ts'

export interface Backup {
  /** The folder's name: when it was made, e.g. 2026-11-25T03-12-45-123Z. */
  stamp: string
  /** Files inside, as lesson-slug/file.ts. */
  files: string[]
}

const backupsDir = (root: string) => join(stateDir(root), 'backups')

/** Copies the learner's file aside; returns the stamp, or nothing when the file is missing. */
export function backUp(
  root: string,
  lesson: Lesson,
  exercise: Exercise,
  now = new Date(),
): string | undefined {
  const source = exercisePath(lesson, exercise, 'src')
  if (!existsSync(source)) return undefined
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(backupsDir(root), stamp, lesson.slug)
  mkdirSync(target, { recursive: true })
  cpSync(source, join(target, exercise.file))
  return stamp
}

export function listBackups(root: string): Backup[] {
  const dir = backupsDir(root)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .map((stamp) => ({
      stamp,
      files: readdirSync(join(dir, stamp)).flatMap((slug) =>
        readdirSync(join(dir, stamp, slug)).map((file) => `${slug}/${file}`),
      ),
    }))
}

export function backedUpFile(
  root: string,
  stamp: string,
  lesson: Lesson,
  exercise: Exercise,
): string | undefined {
  const path = join(backupsDir(root), stamp, lesson.slug, exercise.file)
  return existsSync(path) ? path : undefined
}

/** True when the learner's file is still exactly the starter. */
export function isUntouched(lesson: Lesson, exercise: Exercise): boolean {
  const mine = exercisePath(lesson, exercise, 'src')
  return (
    existsSync(mine) &&
    readFileSync(mine).equals(readFileSync(exercisePath(lesson, exercise, 'starter')))
  )
}
