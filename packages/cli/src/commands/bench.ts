import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { tsxExecArgv } from '@course/common/serve'
import { loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationEnv } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { runNode } from '../course/child.ts'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { pc } from '../course/output.ts'

export const bench: Command = {
  name: 'bench',
  summary: 'run the benchmarks of every lesson, or of one',
  usage: `pnpm course bench [<lesson>] [--solution]

Runs each lesson's bench/*.bench.ts: tables of throughput and latency, each
figure as a ratio to its ideal, with results written to the lesson's
bench/results/. Benchmarks take a while and want a quiet machine.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('bench', args, {
      solution: { type: 'boolean' },
    })
    const lessons = loadLessons()
    const chosen = positionals.length
      ? positionals.map((name) => resolveTarget(name, lessons).lesson)
      : lessons
    let status = 0
    for (const lesson of chosen) {
      const dir = join(lesson.dir, 'bench')
      const files = existsSync(dir)
        ? readdirSync(dir).filter((file) => file.endsWith('.bench.ts'))
        : []
      for (const file of files) {
        console.log(pc.bold(`\nLesson ${lesson.number}: ${file}`))
        const code = await runNode([...tsxExecArgv, join(dir, file)], {
          cwd: lesson.dir,
          env: implementationEnv(chooseImplementation(values.solution)),
          forwardSignals: true,
        })
        if (code !== 0) status = code
      }
    }
    return status
  },
}
