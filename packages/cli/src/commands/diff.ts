import { existsSync, readFileSync } from 'node:fs'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { exercisePath } from '@course/lessons/lesson'
import { resolveExercise } from '@course/lessons/names'
import pc from 'picocolors'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { shown } from '../course/output.ts'

export const diff: Command = {
  name: 'diff',
  summary: 'what your code does differently from the reference solution, coloured',
  usage: `pnpm course diff <exercise> [--no-color]

Compares your file with the reference solution as code: comments (the
starter's instructions, your notes) and blank lines are left out, and
indentation does not count. Lines marked - are yours, + the reference's,
each with its line number in its file. Plain text when piped or with
--no-color. This reveals the solution: try the hints first.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('diff', args, {
      'no-color': { type: 'boolean' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('diff: name an exercise, e.g. pnpm course diff parse-request')
    const { lesson, exercise } = resolveExercise(name, loadLessons())
    const mine = exercisePath(lesson, exercise, 'src')
    const reference = exercisePath(lesson, exercise, 'solution')
    if (!existsSync(mine)) {
      throw new UsageError(
        `diff: ${shown(mine, courseRoot)} is missing; bring the starter back with pnpm course reset ${exercise.id}`,
      )
    }
    // TypeScript's parser is big: load it only for this command.
    const { codeLines } = await import('../course/code-lines.ts')
    const { renderDiff } = await import('../course/render-diff.ts')
    const colors = pc.createColors(!values['no-color'] && pc.isColorSupported)
    console.log(
      renderDiff(
        {
          label: `yours: ${shown(mine, courseRoot)}`,
          lines: codeLines(readFileSync(mine, 'utf8')),
        },
        {
          label: `reference: ${shown(reference, courseRoot)}`,
          lines: codeLines(readFileSync(reference, 'utf8')),
        },
        colors,
      ),
    )
    return 0
  },
}
