// What the learner has done, keyed by stable ids ("blocking-server/parse-request"),
// never by position, so adding or reordering lessons keeps everyone's progress.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { type Exercise, exercisePath, type Lesson } from './lessons.ts'
import type { TestRun } from './run-tests.ts'
import { readState, writeState } from './state.ts'

/** 'in progress': the file differs from the starter and has changed since its last test run. */
export type ExerciseState = 'passed' | 'failing' | 'not started' | 'in progress'

interface Record {
  status: 'passed' | 'failing'
  /** Hash of the learner's file when the tests ran. */
  hash: string
  passed: number
  failed: number
  at: string
}

type Progress = { [key: string]: Record }

export const progressKey = (lesson: Lesson, exercise: Exercise) => `${lesson.id}/${exercise.id}`

const hashOf = (path: string) =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing'

export function exerciseState(lesson: Lesson, exercise: Exercise, root?: string): ExerciseState {
  const file = exercisePath(lesson, exercise, 'src')
  const record = readState<Progress>('progress.json', {}, root)[progressKey(lesson, exercise)]
  const hash = hashOf(file)
  if (record && record.hash === hash) return record.status
  if (hash === hashOf(exercisePath(lesson, exercise, 'starter'))) return 'not started'
  return 'in progress'
}

/** Records, for each exercise whose tests were in this run, whether they all passed. */
export function recordRun(
  lesson: Lesson,
  exercises: Exercise[],
  run: TestRun,
  root?: string,
): void {
  const progress = readState<Progress>('progress.json', {}, root)
  for (const exercise of exercises) {
    const mine = run.outcomes.filter((outcome) => exercise.tests.includes(outcome.file))
    const broken = run.fileErrors.some((error) => exercise.tests.includes(error.file))
    const failed = mine.filter((outcome) => outcome.status === 'failed').length
    const passed = mine.filter((outcome) => outcome.status === 'passed').length
    progress[progressKey(lesson, exercise)] = {
      status: !broken && failed === 0 && passed > 0 ? 'passed' : 'failing',
      hash: hashOf(exercisePath(lesson, exercise, 'src')),
      passed,
      failed,
      at: new Date().toISOString(),
    }
  }
  writeState('progress.json', progress, root)
}
