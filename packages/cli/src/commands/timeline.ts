import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { LIMITS } from '@course/common/app'
import { burst } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import {
  httpLanes,
  maxConcurrent,
  renderSvg,
  renderWaterfall,
  type Span,
  toChromeTrace,
  workerLanes,
} from '@course/common/timeline'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationEnv } from '@course/lessons/implementation'
import { resolveTarget } from '@course/lessons/names'
import { serverEntry } from '@course/lessons/servers'
import { type Command, parseCommandArgs, wholeNumberFlag } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc, shown } from '../course/output.ts'
import { stateDir } from '../course/state.ts'

/** An optional flag: its fallback when absent. */
function optionalWholeNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
  max: number,
): number {
  return raw === undefined
    ? fallback
    : wholeNumberFlag('timeline', `--${flag}`, raw, { min: 1, max })
}

export const timeline: Command = {
  name: 'timeline',
  summary: "record and show a request timeline against a lesson's server",
  usage: `pnpm course timeline <lesson> [--n 5] [--ms 100] [--cpu <units>] [--server <name>] [--solution]

Starts the lesson's server, fires N requests of GET /io?ms=MS at once, and
draws what the server did with them: '.' while a request waited, '#' while it
was served. With --cpu, one GET /cpu?n=UNITS joins them MS/2 later, to show
what computing does to the others. Also writes an SVG picture and a Chrome
trace (open it in ui.perfetto.dev) to .course/timelines/.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('timeline', args, {
      n: { type: 'string' },
      ms: { type: 'string' },
      cpu: { type: 'string' },
      solution: { type: 'boolean' },
      server: { type: 'string' },
    })
    const [name] = positionals
    if (!name) throw new UsageError('timeline: name a lesson, e.g. pnpm course timeline 01')
    const n = optionalWholeNumber('n', values.n, 5, 200)
    const ms = optionalWholeNumber('ms', values.ms, 100, LIMITS.maxWaitMs)
    const cpu = optionalWholeNumber('cpu', values.cpu, 0, LIMITS.maxCpuUnits)
    const { lesson } = resolveTarget(name, loadLessons())
    const server = await startServer({
      entry: serverEntry(lesson, values.server),
      env: implementationEnv(chooseImplementation(values.solution)),
    })
    try {
      const waits = burst(server.baseUrl, { path: `/io?ms=${ms}`, n })
      // Sent while the waits are half way through: on one thread, their timers fall due
      // while it computes.
      const computing =
        cpu > 0
          ? delay(ms / 2).then(() => burst(server.baseUrl, { path: `/cpu?n=${cpu}`, n: 1 }))
          : undefined
      const spans = numbered([...(await waits).spans, ...((await computing)?.spans ?? [])])
      const wallMs =
        Math.max(...spans.map((s) => s.received)) - Math.min(...spans.map((s) => s.sent))
      const what = `${n} x GET /io?ms=${ms}${cpu > 0 ? ` and 1 x GET /cpu?n=${cpu}` : ''}`
      console.log(renderWaterfall(spans))
      console.log(
        `${n} requests of ${ms} ms${cpu > 0 ? ` and one of /cpu?n=${cpu}` : ''}: ${Math.round(wallMs)} ms in all (one at a time would be ${n * ms} ms${cpu > 0 ? ' plus the CPU work' : ''}, all at once ${ms} ms); at most ${maxConcurrent(spans)} served at once.`,
      )
      const dir = join(stateDir(), 'timelines')
      // Each server of a lesson gets its own files: koa's picture must not overwrite hono's.
      const which = values.server ? `-${values.server}` : ''
      const base = join(dir, `${lesson.slug}${which}-n${n}-ms${ms}${cpu > 0 ? `-cpu${cpu}` : ''}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(`${base}.svg`, renderSvg(spans, `Lesson ${lesson.number}: ${what}`))
      // The trace has room for both views: each request, and each worker's busy time.
      const lanes = [...httpLanes(spans), ...workerLanes(spans)]
      writeFileSync(`${base}.trace.json`, JSON.stringify(toChromeTrace(lanes)))
      console.log(pc.dim(`wrote ${shown(base, courseRoot)}.svg and .trace.json`))
      return 0
    } finally {
      await server.stop()
    }
  },
}

/** Two bursts' spans as one picture: in the order they were sent, numbered from 1 again. */
function numbered(spans: Span[]): Span[] {
  return [...spans]
    .sort((a, b) => a.sent - b.sent)
    .map((span, index) => ({ ...span, id: index + 1 }))
}
