import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { loadLessons, resolveTarget } from '../course/lessons.ts'
import { mark, pc } from '../course/output.ts'
import { recordRun } from '../course/progress.ts'
import { runTests } from '../course/run-tests.ts'

export const test: Command = {
  name: 'test',
  summary: 'run the tests of one lesson or one exercise',
  usage: `pnpm course test <lesson|exercise> [--solution]

  <lesson>     01, blocking-server or 01-blocking-server: every test of the lesson
  <exercise>   parse-request (or blocking-server/parse-request): its tests only
  --solution   run the tests against the reference solution instead of your code

Your result is saved, and \`pnpm course status\` shows it.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('test', args, {
      solution: { type: 'boolean' },
    })
    const [name] = positionals
    if (!name || positionals.length > 1)
      throw new UsageError('test: name one lesson or exercise, e.g. pnpm course test parse-request')
    const lessons = loadLessons()
    const { lesson, exercise } = resolveTarget(name, lessons)
    const exercises = exercise ? [exercise] : lesson.exercises
    const files = exercises.flatMap((each) => each.tests)
    const implementation = values.solution ? 'solution' : 'exercise'
    const run = await runTests(lesson, files, { implementation, show: true })
    if (!values.solution) recordRun(lesson, exercises, run)

    const passed = run.outcomes.filter((outcome) => outcome.status === 'passed').length
    const failed = run.outcomes.filter((outcome) => outcome.status === 'failed').length
    if (run.passed) {
      console.log(
        `${mark.passed} ${pc.green(`${name}: all ${passed} tests pass.`)} Next: pnpm course status`,
      )
      return 0
    }
    const broken = run.fileErrors.length
      ? `, ${run.fileErrors.length} test file(s) could not run`
      : ''
    console.log(`${mark.failed} ${name}: ${passed} passed, ${failed} failed${broken}.`)
    const todo = [
      ...run.fileErrors.map((error) => error.message),
      ...run.outcomes.map((outcome) => outcome.message ?? ''),
    ].find((message) => message.includes('Not implemented yet'))
    if (todo) console.log(pc.yellow(todo.split('\n').slice(0, 3).join('\n')))
    else if (exercise) console.log(`Stuck? pnpm course hint ${exercise.id}`)
    return 1
  },
}
