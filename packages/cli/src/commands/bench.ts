import { spawn } from 'node:child_process'
import { IMPLEMENTATION_ENV, tsxExecArgv } from '@course/common/serve'
import { aboutHowLong, chooseBenches } from '../course/benches.ts'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { loadLessons, resolveTarget } from '../course/lessons.ts'
import { pc } from '../course/output.ts'

export const bench: Command = {
  name: 'bench',
  summary: 'run the benchmarks of every lesson, or of one',
  usage: `pnpm course bench [<lesson>] [--only <name>] [--solution]

Runs each lesson's bench/*.bench.ts, shortest first (--only pool runs
bench/pool.bench.ts alone): tables of throughput and latency, each figure as
a ratio to its ideal and to its production anchor, with JSON, Markdown and
SVG charts written to the lesson's bench/results/. Benchmarks take a while
and want a quiet machine; for a quick check of the code, ask for less:
BENCH_ROUNDS=1 BENCH_WARMUPS=0 BENCH_SECONDS=0.2 pnpm course bench 02 --only pool`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('bench', args, {
      solution: { type: 'boolean' },
      only: { type: 'string' },
    })
    const lessons = loadLessons()
    const chosen = positionals.length
      ? positionals.map((name) => resolveTarget(name, lessons).lesson)
      : lessons
    let status = 0
    for (const [lesson, { file, name, expectedSeconds }] of chooseBenches(chosen, values.only)) {
      console.log(pc.bold(`\nLesson ${lesson.number}: ${name}${aboutHowLong(expectedSeconds)}`))
      const code = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [...tsxExecArgv, file], {
          cwd: lesson.dir,
          stdio: 'inherit',
          env: {
            ...process.env,
            [IMPLEMENTATION_ENV]: values.solution
              ? 'solution'
              : (process.env[IMPLEMENTATION_ENV] ?? 'exercise'),
          },
        })
        child.on('exit', (exitCode) => resolve(exitCode ?? 1))
      })
      if (code !== 0) status = code
    }
    return status
  },
}
