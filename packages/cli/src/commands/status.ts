import { type Command, parseCommandArgs } from '../course/command.ts'
import { courseRoot, exercisePath, loadLessons } from '../course/lessons.ts'
import { mark, pc, shown, table } from '../course/output.ts'
import { type ExerciseState, exerciseState } from '../course/progress.ts'

const symbol: Record<ExerciseState, string> = {
  passed: mark.passed,
  failing: mark.failed,
  'in progress': pc.yellow('~'),
  'not started': mark.pending,
}

export const status: Command = {
  name: 'status',
  summary: 'every lesson and exercise at a glance, and what to do next (the default)',
  usage: `pnpm course status

Shows each lesson's exercises as passed, failing, in progress (changed
since its last test run) or not started, then the file to open and the command to run next.
Progress is recorded by \`pnpm course test\`.`,
  async run(args) {
    parseCommandArgs('status', args, {})
    const lessons = loadLessons()
    const rows: string[][] = []
    let next: { lesson: (typeof lessons)[number]; index: number } | undefined
    console.log(pc.bold('Sync vs Async: build the servers, then measure them\n'))
    for (const lesson of lessons) {
      const states = lesson.exercises.map((exercise) => exerciseState(lesson, exercise))
      const done = states.filter((state) => state === 'passed').length
      rows.push([
        pc.bold(lesson.number),
        pc.bold(lesson.title),
        '',
        pc.dim(`${done}/${states.length} passed`),
      ])
      lesson.exercises.forEach((exercise, index) => {
        const state = states[index] ?? 'not started'
        rows.push(['', `${symbol[state]} ${exercise.id}`, exercise.title, state])
        if (!next && state !== 'passed') next = { lesson, index }
      })
    }
    console.log(table(rows))
    if (!next) {
      console.log(`\n${pc.green('Every exercise passes.')} Run the benchmarks: pnpm course bench`)
      return 0
    }
    const exercise = next.lesson.exercises[next.index]
    if (!exercise) return 0
    const file = shown(exercisePath(next.lesson, exercise, 'src'), courseRoot)
    console.log(
      `\n${pc.bold('Next:')} lesson ${next.lesson.number}, exercise ${next.index + 1}: ${exercise.title}`,
    )
    console.log(
      table([
        ['  read', `lessons/${next.lesson.slug}/README.md, "Exercise ${next.index + 1}"`],
        ['  open', file],
        [
          '  run',
          `pnpm course test ${exercise.id}    (or re-run on save: pnpm course watch ${exercise.id})`,
        ],
        ['  stuck?', `pnpm course hint ${exercise.id}`],
      ]),
    )
    return 0
  },
}
