// The `course` command: one entry point for learners and instructors.

import { closest } from '@course/lessons/closest'
import { bench } from './commands/bench.ts'
import { diff } from './commands/diff.ts'
import { grade } from './commands/grade.ts'
import { hint } from './commands/hint.ts'
import { reset } from './commands/reset.ts'
import { send } from './commands/send.ts'
import { serve } from './commands/serve.ts'
import { status } from './commands/status.ts'
import { test } from './commands/test.ts'
import { timeline } from './commands/timeline.ts'
import { verify } from './commands/verify.ts'
import { watch } from './commands/watch.ts'
import type { Command } from './course/command.ts'
import { explain, UsageError } from './course/errors.ts'
import { table } from './course/output.ts'

const commands: Command[] = [
  status,
  test,
  watch,
  hint,
  diff,
  reset,
  serve,
  send,
  timeline,
  bench,
  verify,
  grade,
]

function overview(): string {
  return `Usage: pnpm course <command> [options]   (pnpm course <command> --help for more)

${table(commands.map((command) => [`  ${command.name}`, command.summary]))}`
}

async function main(argv: string[]): Promise<number> {
  const [name = 'status', ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(overview())
    return 0
  }
  const command = commands.find((each) => each.name === name)
  if (!command) {
    const suggestion = closest(
      name,
      commands.map((each) => each.name),
    )
    throw new UsageError(
      `unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (pnpm course --help lists them)`,
    )
  }
  // After --, a --help belongs to what the command runs (serve passes it to the lesson's server).
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args
  if (own.includes('--help') || own.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  return command.run(args)
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (process.env.COURSE_DEBUG) console.error(error)
  const { line, status } = explain(error)
  console.error(`course: ${line}`)
  process.exitCode = status
}
