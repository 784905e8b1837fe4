// One run of an exercise's (or a whole lesson's) tests as the learner sees it,
// for `course test` and every re-run of `course watch`: the tests, the
// verdict of each exercise, the progress recorded, and what to do next.
import type { ImplementationChoice } from '@course/lessons/implementation'
import type { Exercise, Lesson } from '@course/lessons/lesson'
import type { Target } from '@course/lessons/names'
import { nextStep, readyStep, unmetNeeds } from './next.ts'
import { mark, pc } from './output.ts'
import { recordRun } from './progress.ts'
import { runTests } from './run-tests.ts'
import { typeErrors } from './type-check.ts'
import { exerciseVerdict } from './verdict.ts'

/** Runs the tests, prints the verdict; resolves with whether every exercise passed. */
export async function runExercises(
  target: Target,
  lessons: Lesson[],
  implementation: ImplementationChoice,
): Promise<boolean> {
  const { lesson } = target
  const exercises = target.exercise ? [target.exercise] : lesson.exercises
  const run = await runTests(
    lesson,
    exercises.flatMap((each) => each.tests),
    { implementation, show: true },
  )
  const learners = implementation === 'exercise'
  if (learners) recordRun(lesson, exercises, run, lessons)

  const verdicts = exercises.map((exercise) => ({ exercise, ...exerciseVerdict(run, exercise) }))
  console.log()
  for (const { exercise, passed, passing, failing } of verdicts) {
    console.log(
      passed
        ? `${mark.passed} ${pc.green(`${exercise.id} passes: all ${passing} of its tests.`)}`
        : `${mark.failed} ${exercise.id}: ${passing} passed, ${failing} failed.`,
    )
  }
  const failed = verdicts.filter((verdict) => !verdict.passed)
  if (failed.length === 0) {
    if (run.figures.length) {
      console.log(pc.bold('Your numbers:'))
      for (const line of run.figures) console.log(`  ${line}`)
    }
    if (learners) {
      for (const exercise of exercises) await reportTypes(lesson, exercise)
      console.log(nextLine(lessons))
    }
    return true
  }
  const todo = [
    ...run.fileErrors.map((error) => error.message),
    ...run.outcomes.map((outcome) => outcome.message ?? ''),
  ].find((message) => message.includes('Not implemented yet'))
  if (todo) console.log(pc.yellow(todo.split('\n').slice(0, 3).join('\n')))
  for (const { exercise } of failed) console.log(needsLine(exercise, lessons, learners))
  return false
}

/** A passing file can still fail the type check CI runs: say so, with tsc's first errors. */
async function reportTypes(lesson: Lesson, exercise: Exercise): Promise<void> {
  // tsc names files from the lesson's folder; the learner's commands run from the repository's root.
  const folder = `lessons/${lesson.slug}`
  const file = `${folder}/src/${exercise.file}`
  const errors = await typeErrors(lesson, exercise)
  if (errors === undefined) return
  if (errors.length === 0) {
    console.log(`${mark.passed} ${pc.green(`types: tsc finds no error in ${file}.`)}`)
    return
  }
  console.log(
    pc.yellow(
      `${exercise.id} passes its tests, but tsc finds ${errors.length} type error${errors.length > 1 ? 's' : ''} in ${file} (the tests do not check types; pnpm typecheck, which CI runs, does):`,
    ),
  )
  for (const line of errors.slice(0, 5)) console.log(`  ${folder}/${line}`)
}

function nextLine(lessons: Lesson[]): string {
  const next = nextStep(lessons)
  if (!next)
    return `${pc.bold('Next:')} every exercise passes; run the benchmarks: pnpm course bench`
  return `${pc.bold('Next:')} ${next.exercise.id} (lesson ${next.lesson.number}, exercise ${next.number}: ${next.exercise.title}): pnpm course test ${next.exercise.id}`
}

/** Sends the learner to what this exercise builds on when that does not pass; else to a hint. */
function needsLine(exercise: Exercise, lessons: Lesson[], learners: boolean): string {
  const needs = learners ? unmetNeeds(exercise, lessons) : []
  const [first] = needs
  if (!first) return `Stuck? pnpm course hint ${exercise.id}`
  const names = needs.map((need) => need.exercise.id).join(' and ')
  // The need may itself need others: send the learner to where the chain starts.
  const start = readyStep(first.lesson, first.exercise, lessons).exercise.id
  return pc.yellow(
    `${exercise.id} runs your ${names}, which ${needs.length > 1 ? 'do' : 'does'} not pass yet: start with ${start} (pnpm course test ${start}).`,
  )
}
