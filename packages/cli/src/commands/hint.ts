import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadLessons } from '@course/lessons/course'
import { resolveExercise } from '@course/lessons/names'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc } from '../course/output.ts'
import { progressKey } from '../course/progress.ts'
import { readState, writeState } from '../course/state.ts'

export const hint: Command = {
  name: 'hint',
  summary: 'one more hint for an exercise each time you ask',
  usage: `pnpm course hint <exercise> [--all] [--again]

Each call shows the next hint, from a nudge to nearly the answer.
  --again   show the hints you have already seen, without a new one
  --all     show every hint at once`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('hint', args, {
      all: { type: 'boolean' },
      again: { type: 'boolean' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('hint: name an exercise, e.g. pnpm course hint parse-request')
    const { lesson, exercise } = resolveExercise(name, loadLessons())
    const file = join(lesson.dir, 'hints', `${exercise.id}.md`)
    if (!existsSync(file)) throw new UsageError(`hint: exercise "${exercise.id}" has no hints yet`)
    const hints = readFileSync(file, 'utf8')
      .split(/^---$/m)
      .map((text) => text.trim())
      .filter(Boolean)

    const seen = readState<Record<string, number>>('hints.json', {})
    const key = progressKey(lesson, exercise)
    const formerKeys = exercise.formerIds.map((id) => `${lesson.id}/${id}`)
    const already = [key, ...formerKeys].map((each) => seen[each]).find(Boolean) ?? 0
    const upTo = values.all
      ? hints.length
      : values.again
        ? Math.max(already, 1)
        : Math.min(already + 1, hints.length)
    seen[key] = Math.max(already, upTo)
    writeState('hints.json', seen)

    for (let i = 0; i < upTo; i++) {
      const fresh = i >= already
      console.log(`${pc.bold(`Hint ${i + 1} of ${hints.length}`)}${fresh ? pc.cyan(' (new)') : ''}`)
      console.log(`${fresh ? hints[i] : pc.dim(hints[i] ?? '')}\n`)
    }
    if (upTo >= hints.length && !values.all) {
      console.log(
        pc.dim(
          `That was the last hint. To compare with the reference: pnpm course diff ${exercise.id}`,
        ),
      )
    }
    return 0
  },
}
