import { basename } from 'node:path'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { exercisePath } from '@course/lessons/lesson'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { nextStep, unmetNeeds } from '../course/next.ts'
import { mark, pc, shown, table } from '../course/output.ts'
import { type ExerciseState, exerciseProgress, recentLesson } from '../course/progress.ts'

const symbol: Record<ExerciseState, string> = {
  passed: mark.passed,
  failing: mark.failed,
  'in progress': pc.yellow('~'),
  changed: pc.yellow('~'),
  'not started': mark.pending,
}

export const status: Command = {
  name: 'status',
  summary: 'every lesson and exercise at a glance, and what to do next (the default)',
  usage: `pnpm course status     (or: pnpm start)

Shows each lesson's exercises as passed, failing, in progress (changed since
its last test run), changed (a file it needs changed since it passed) or not
started, then the file to open and the command to run next, in the lesson you
ran tests of last. Progress is recorded by \`pnpm course test\` and \`watch\`.`,
  async run(args) {
    parseCommandArgs('status', args, {})
    const lessons = loadLessons()
    const rows: string[][] = []
    console.log(pc.bold('Sync vs Async: build the servers, then measure them\n'))
    for (const lesson of lessons) {
      const progress = lesson.exercises.map((exercise) => exerciseProgress(lesson, exercise))
      const done = progress.filter(({ state }) => state === 'passed').length
      rows.push([
        pc.bold(lesson.number),
        pc.bold(lesson.title),
        '',
        pc.dim(`${done}/${progress.length} passed`),
      ])
      for (const [index, exercise] of lesson.exercises.entries()) {
        const { state, changed } = progress[index] ?? { state: 'not started', changed: [] }
        const needs = unmetNeeds(exercise, lessons).map((need) => need.exercise.id)
        const note =
          state === 'changed'
            ? `passed, but ${changed.map((path) => basename(path)).join(', ')} changed since: test it again`
            : state !== 'passed' && needs.length
              ? `${state}; needs ${needs.join(', ')} first`
              : state
        rows.push(['', `${symbol[state]} ${exercise.id}`, exercise.title, note])
      }
    }
    console.log(table(rows))
    const next = nextStep(lessons)
    if (!next) {
      console.log(`\n${pc.green('Every exercise passes.')} Run the benchmarks: pnpm course bench`)
      return 0
    }
    const { lesson, exercise, number } = next
    console.log(
      `\n${pc.bold('Next:')} lesson ${lesson.number}, exercise ${number}: ${exercise.title}`,
    )
    console.log(
      table([
        ['  read', `lessons/${lesson.slug}/README.md, "Exercise ${number}"`],
        ['  open', shown(exercisePath(lesson, exercise, 'src'), courseRoot)],
        [
          '  run',
          `pnpm course test ${exercise.id}    (or re-run on save: pnpm course watch ${exercise.id})`,
        ],
        ['  stuck?', `pnpm course hint ${exercise.id}`],
      ]),
    )
    // Nothing run yet: lesson 01 is only where the syllabus starts.
    const firsts = lessons
      .filter((other) => other !== lesson && other.exercises[0])
      .map((other) => `${other.exercises[0]?.id} (${other.number})`)
    if (!recentLesson() && firsts.length > 0) {
      console.log(
        `\nOr start any lesson, each stands on its own: pnpm course test ${firsts.join(', ')}`,
      )
    }
    return 0
  },
}
