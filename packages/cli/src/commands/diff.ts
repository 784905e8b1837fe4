import { spawnSync } from 'node:child_process'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { exercisePath } from '@course/lessons/lesson'
import { resolveExercise } from '@course/lessons/names'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc, shown } from '../course/output.ts'

export const diff: Command = {
  name: 'diff',
  summary: 'your code against the reference solution, coloured',
  usage: `pnpm course diff <exercise> [--no-color]

Shows what separates your file from the reference solution: lines marked -
are yours, lines marked + are the reference's. This reveals the solution:
try the hints first.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('diff', args, {
      'no-color': { type: 'boolean' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('diff: name an exercise, e.g. pnpm course diff parse-request')
    const { lesson, exercise } = resolveExercise(name, loadLessons())
    const mine = shown(exercisePath(lesson, exercise, 'src'), courseRoot)
    const reference = shown(exercisePath(lesson, exercise, 'solution'), courseRoot)
    console.log(pc.dim(`--- yours: ${mine}\n+++ reference: ${reference}`))
    const color = values['no-color'] || !process.stdout.isTTY ? 'never' : 'always'
    const result = spawnSync(
      'git',
      ['diff', '--no-index', `--color=${color}`, '--', mine, reference],
      {
        cwd: courseRoot,
        stdio: 'inherit',
      },
    )
    if (result.error) throw new UsageError('diff: needs git on your PATH (https://git-scm.com)')
    // git diff --no-index exits 1 when the files differ, which is not an error here.
    if (result.status === 0) console.log(pc.green('Your file is the same as the reference.'))
    return result.status === 0 || result.status === 1 ? 0 : (result.status ?? 1)
  },
}
