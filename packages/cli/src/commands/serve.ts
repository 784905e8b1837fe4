import { tsxExecArgv } from '@course/common/serve'
import { loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationEnv } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { serverEntry } from '@course/lessons/servers'
import { runNode } from '../course/child.ts'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { Failure, UsageError } from '../course/errors.ts'
import { portProblem, requestedPort } from '../course/port.ts'

export const serve: Command = {
  name: 'serve',
  summary: "start a lesson's server in the foreground, to try it with curl",
  usage: `pnpm course serve <lesson> [--server <name>] [--solution] [-- <server options>]

Starts your server (or the reference, with --solution) on 127.0.0.1. A lesson
with several servers names them in its lesson.json (lesson 02: processes,
threads); --server picks one. Options after -- go to the server, e.g.
pnpm course serve 01 -- --port 8080.
Then, in another terminal: curl -i http://127.0.0.1:8080/io?ms=500`,
  async run(args) {
    const split = args.indexOf('--')
    const own = split === -1 ? args : args.slice(0, split)
    const passed = split === -1 ? [] : args.slice(split + 1)
    // The commonest slip: server options before the --, where serve reads its own.
    const ownOptions = ['--solution', '--server']
    const first = own.findIndex(
      (arg) => arg.startsWith('--') && !ownOptions.includes(arg.split('=')[0] ?? ''),
    )
    if (first !== -1) {
      const kept = own
        .slice(0, first)
        .concat(own.slice(first).filter((arg) => ownOptions.includes(arg)))
      const moved = own.slice(first).filter((arg) => !ownOptions.includes(arg))
      throw new UsageError(
        `serve: ${own[first]} is an option of the server, so it goes after --: pnpm course serve ${[...kept, '--', ...moved, ...passed].join(' ')}`,
      )
    }
    const { values, positionals } = parseCommandArgs('serve', own, {
      solution: { type: 'boolean' },
      server: { type: 'string' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('serve: name a lesson, e.g. pnpm course serve 01')
    const { lesson } = resolveTarget(name, loadLessons())
    const entry = serverEntry(lesson, values.server)
    const port = requestedPort(passed)
    const problem = port === undefined ? undefined : await portProblem(port)
    if (problem) throw new Failure(`serve: ${problem}`)
    return runNode([...tsxExecArgv, entry, ...passed], {
      env: implementationEnv(chooseImplementation(values.solution)),
      forwardSignals: true,
    })
  },
}
