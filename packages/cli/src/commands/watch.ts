import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { IMPLEMENTATION_ENV } from '@course/common/serve'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { loadLessons, resolveTarget } from '../course/lessons.ts'
import { pc } from '../course/output.ts'

const vitestBin = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
)

export const watch: Command = {
  name: 'watch',
  summary: 'run the tests of one lesson or exercise again on every save',
  usage: `pnpm course watch <lesson|exercise> [--solution]

Re-runs the tests each time you save. Press r to re-run them by hand (where
file watching does not work, in some network or container folders, press r
after each save), q to quit.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('watch', args, {
      solution: { type: 'boolean' },
    })
    const [name] = positionals
    if (!name)
      throw new UsageError(
        'watch: name one lesson or exercise, e.g. pnpm course watch parse-request',
      )
    const { lesson, exercise } = resolveTarget(name, loadLessons())
    const files = (exercise ? [exercise] : lesson.exercises).flatMap((each) => each.tests)
    console.log(pc.dim(`Watching ${files.join(', ')}. Press r to re-run by hand, q to quit.`))
    const child = spawn(
      process.execPath,
      [vitestBin, 'watch', '--configLoader', 'runner', ...files],
      {
        cwd: lesson.dir,
        stdio: 'inherit',
        env: {
          ...process.env,
          [IMPLEMENTATION_ENV]: values.solution ? 'solution' : 'exercise',
        },
      },
    )
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)))
  },
}
