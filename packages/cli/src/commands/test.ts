import { loadLessons } from '@course/lessons/course'
import { chooseImplementation } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { runExercises } from '../course/exercise-run.ts'

export const test: Command = {
  name: 'test',
  summary: 'run the tests of one lesson or one exercise',
  usage: `pnpm course test <lesson|exercise> [--solution]

  <lesson>     01, blocking-server or 01-blocking-server: every test of the lesson
  <exercise>   parse-request (or blocking-server/parse-request): its tests only
  --solution   run the tests against the reference solution instead of your code
               (without it, COURSE_IMPL chooses, and by default your code runs)

Your result is saved, and \`pnpm start\` shows it.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('test', args, {
      solution: { type: 'boolean' },
    })
    const [name] = positionals
    if (!name || positionals.length > 1)
      throw new UsageError('test: name one lesson or exercise, e.g. pnpm course test parse-request')
    const lessons = loadLessons()
    const passed = await runExercises(
      resolveTarget(name, lessons),
      lessons,
      chooseImplementation(values.solution),
    )
    return passed ? 0 : 1
  },
}
