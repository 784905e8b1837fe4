import { join } from 'node:path'
import { tsxExecArgv } from '@course/common/serve'
import { benchmarksOf } from '@course/lessons/benchmarks'
import { closest } from '@course/lessons/closest'
import { loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationEnv } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { runNode } from '../course/child.ts'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc } from '../course/output.ts'

export const bench: Command = {
  name: 'bench',
  summary: 'run the benchmarks of every lesson, or of one',
  usage: `pnpm course bench [<lesson>] [--only <benchmark>] [--solution]

Runs each lesson's benchmarks, the short ones first (those its lesson.json
lists, else every bench/*.bench.ts); --only runs one, by id. Tables of
throughput and latency, each figure as a ratio to its ideal and to its
production anchor, with JSON, Markdown and SVG charts written to the lesson's
bench/results/. Benchmarks take a while and want a quiet machine; for a quick
check of the code, ask for less:
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
    const plan = chosen.flatMap((lesson) =>
      benchmarksOf(lesson).map((benchmark) => ({ lesson, benchmark })),
    )
    const only = values.only
    const selected = only ? plan.filter(({ benchmark }) => benchmark.id === only) : plan
    if (only && selected.length === 0) {
      const suggestion = closest(
        only,
        plan.map(({ benchmark }) => benchmark.id),
      )
      throw new UsageError(
        `bench: no benchmark "${only}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (they are: ${plan.map(({ benchmark }) => benchmark.id).join(', ')})`,
      )
    }
    let status = 0
    for (const { lesson, benchmark } of selected) {
      const about =
        benchmark.minutes === undefined ? '' : `, about ${aboutHowLong(benchmark.minutes)}`
      console.log(pc.bold(`\nLesson ${lesson.number}: ${benchmark.id} (${benchmark.file}${about})`))
      const code = await runNode([...tsxExecArgv, join(lesson.dir, benchmark.file)], {
        cwd: lesson.dir,
        env: implementationEnv(chooseImplementation(values.solution)),
        forwardSignals: true,
      })
      if (code !== 0) status = code
    }
    return status
  },
}

/** "20 s" or "10 min", for the line printed before a benchmark starts. */
function aboutHowLong(minutes: number): string {
  return minutes < 1.5 ? `${Math.round(minutes * 60)} s` : `${Math.round(minutes)} min`
}
