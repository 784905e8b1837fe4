// The one rule that says whether an exercise passes, used by test, watch,
// status, grade and verify alike.
import type { Exercise } from '@course/lessons/lesson'
import type { TestRun } from './run-tests.ts'

export interface Verdict {
  /** Passed: at least one of its tests passed, none failed, and none of its test files broke. */
  passed: boolean
  /** Its tests that passed. */
  passing: number
  /** Its tests that failed, plus its test files that could not run at all. */
  failing: number
  /** What went wrong, test by test (or file by file), with the first message. */
  failures: Array<{ test: string; message: string }>
}

export function exerciseVerdict(run: TestRun, exercise: Exercise): Verdict {
  const mine = run.outcomes.filter((outcome) => exercise.tests.includes(outcome.file))
  const broken = run.fileErrors.filter((error) => exercise.tests.includes(error.file))
  const failures = [
    ...broken.map((error) => ({ test: error.file, message: error.message })),
    ...mine
      .filter((outcome) => outcome.status === 'failed')
      .map((outcome) => ({ test: outcome.name, message: outcome.message ?? '' })),
  ]
  const passing = mine.filter((outcome) => outcome.status === 'passed').length
  return {
    passed: failures.length === 0 && passing > 0,
    passing,
    failing: failures.length,
    failures,
  }
}

/** A lesson (or any set of exercises) passes when each of its exercises does. */
export const allPass = (run: TestRun, exercises: Exercise[]) =>
  exercises.every((exercise) => exerciseVerdict(run, exercise).passed)
