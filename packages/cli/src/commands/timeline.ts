import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { burst } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import {
  httpLanes,
  maxConcurrent,
  renderSvg,
  renderWaterfall,
  toChromeTrace,
  workerLanes,
} from '@course/common/timeline'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationEnv } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { serverEntry } from '@course/lessons/servers'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc, shown } from '../course/output.ts'
import { stateDir } from '../course/state.ts'

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new UsageError(`timeline: --${flag} takes a whole number from 1 to ${max}, got "${raw}"`)
  }
  return Number(raw)
}

export const timeline: Command = {
  name: 'timeline',
  summary: "record and show a request timeline against a lesson's server",
  usage: `pnpm course timeline <lesson> [--n 5] [--ms 100] [--server <name>] [--solution]

Starts the lesson's server, fires N requests of GET /io?ms=MS at once, and
draws what the server did with them: '.' while a request waited, '#' while it
was served. Also writes an SVG picture and a Chrome trace (open it in
ui.perfetto.dev) to .course/timelines/.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('timeline', args, {
      n: { type: 'string' },
      ms: { type: 'string' },
      solution: { type: 'boolean' },
      server: { type: 'string' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('timeline: name a lesson, e.g. pnpm course timeline 01')
    const n = wholeNumber('n', values.n, 5, 200)
    const ms = wholeNumber('ms', values.ms, 100, 10_000)
    const { lesson } = resolveTarget(name, loadLessons())
    const server = await startServer({
      entry: serverEntry(lesson, values.server),
      env: implementationEnv(chooseImplementation(values.solution)),
    })
    try {
      const result = await burst(server.baseUrl, { path: `/io?ms=${ms}`, n })
      console.log(renderWaterfall(result.spans))
      console.log(
        `${n} requests of ${ms} ms: ${Math.round(result.wallMs)} ms in all (one at a time would be ${n * ms} ms, all at once ${ms} ms); at most ${maxConcurrent(result.spans)} served at once.`,
      )
      const dir = join(stateDir(), 'timelines')
      // Each server of a lesson gets its own files: koa's picture must not overwrite hono's.
      const which = values.server ? `-${values.server}` : ''
      const base = join(dir, `${lesson.slug}${which}-n${n}-ms${ms}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(
        `${base}.svg`,
        renderSvg(result.spans, `Lesson ${lesson.number}: ${n} x GET /io?ms=${ms}`),
      )
      // The trace has room for both views: each request, and each worker's busy time.
      const lanes = [...httpLanes(result.spans), ...workerLanes(result.spans)]
      writeFileSync(`${base}.trace.json`, JSON.stringify(toChromeTrace(lanes)))
      console.log(pc.dim(`wrote ${shown(base, courseRoot)}.svg and .trace.json`))
      return 0
    } finally {
      await server.stop()
    }
  },
}
