// What the learner has done, keyed by stable ids ("blocking-server/parse-request"),
// never by position, so adding or reordering lessons keeps everyone's progress.
// A result holds while the files it was earned with are unchanged: the
// exercise's own file and those of every exercise it needs.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { courseRoot } from '@course/lessons/course'
import { type Exercise, exercisePath, type Lesson } from '@course/lessons/lesson'
import { dependencyFiles } from '@course/lessons/needs'
import type { TestRun } from './run-tests.ts'
import { readState, writeState } from './state.ts'
import { exerciseVerdict } from './verdict.ts'

/**
 * 'in progress': the file differs from the starter and has changed since its last test run.
 * 'changed': it passed, and its file or a file it needs has changed since.
 */
export type ExerciseState = 'passed' | 'failing' | 'not started' | 'in progress' | 'changed'

interface Result {
  status: 'passed' | 'failing'
  /** Hash of each file the result depends on, by path from the course root. */
  files?: { [path: string]: string }
  /** Hash of the exercise's own file: all that progress recorded before `files`. */
  hash?: string
  passed: number
  failed: number
  at: string
}

type Progress = { [key: string]: Result }

export interface ExerciseProgress {
  state: ExerciseState
  /** Files it depends on that changed since its last run (its own file excluded). */
  changed: string[]
}

export const progressKey = (lesson: Lesson, exercise: Exercise) => `${lesson.id}/${exercise.id}`

const hashOf = (path: string) =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing'

/** The recorded result of an exercise, also when it was recorded under an id it had before. */
function resultOf(progress: Progress, lesson: Lesson, exercise: Exercise): Result | undefined {
  for (const id of [exercise.id, ...exercise.formerIds]) {
    const result = progress[`${lesson.id}/${id}`]
    if (result) return result
  }
  return undefined
}

export function exerciseProgress(
  lesson: Lesson,
  exercise: Exercise,
  root = courseRoot,
): ExerciseProgress {
  const own = exercisePath(lesson, exercise, 'src')
  const result = resultOf(readState<Progress>('progress.json', {}, root), lesson, exercise)
  const ownHash = hashOf(own)
  const recorded = result?.files ?? (result?.hash ? { [relative(root, own)]: result.hash } : {})
  if (result && recorded[relative(root, own)] === ownHash) {
    const changed = Object.entries(recorded)
      .filter(([path, hash]) => hashOf(join(root, path)) !== hash)
      .map(([path]) => path)
    if (changed.length === 0) return { state: result.status, changed }
    // A failing result is stale too, but "changed since it passed" would be untrue.
    return { state: result.status === 'passed' ? 'changed' : 'in progress', changed }
  }
  if (ownHash === hashOf(exercisePath(lesson, exercise, 'starter'))) {
    return { state: 'not started', changed: [] }
  }
  // Edited since it passed: say so, rather than hide a pass behind "in progress".
  if (result?.status === 'passed') return { state: 'changed', changed: [relative(root, own)] }
  return { state: 'in progress', changed: [] }
}

export const exerciseState = (lesson: Lesson, exercise: Exercise, root = courseRoot) =>
  exerciseProgress(lesson, exercise, root).state

/** Records, for each exercise whose tests were in this run, whether it passed, and with which files. */
export function recordRun(
  lesson: Lesson,
  exercises: Exercise[],
  run: TestRun,
  lessons: Lesson[],
  root = courseRoot,
): void {
  const progress = readState<Progress>('progress.json', {}, root)
  for (const exercise of exercises) {
    const verdict = exerciseVerdict(run, exercise)
    const files = Object.fromEntries(
      dependencyFiles(lesson, exercise, lessons).map((path) => [
        relative(root, path),
        hashOf(path),
      ]),
    )
    for (const id of exercise.formerIds) delete progress[`${lesson.id}/${id}`]
    progress[progressKey(lesson, exercise)] = {
      status: verdict.passed ? 'passed' : 'failing',
      files,
      passed: verdict.passing,
      failed: verdict.failing,
      at: new Date().toISOString(),
    }
  }
  writeState('progress.json', progress, root)
  writeState('recent.json', { lesson: lesson.id, at: new Date().toISOString() }, root)
}

/** The lesson the learner ran tests of last, if any. */
export const recentLesson = (root = courseRoot): string | undefined =>
  readState<{ lesson?: string }>('recent.json', {}, root).lesson
