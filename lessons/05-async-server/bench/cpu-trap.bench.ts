// Lesson 05 benchmark: the CPU trap and its two cures, each with its cost.
// For each Koa server (/cpu inline, in chunks, offloaded to one pool thread):
// a /cpu of about 300 ms with a /healthz sent during it (the experiment of
// the tests, in test/cpu-stall.ts), then the throughput of small /cpu
// requests from 4 keep-alive clients.
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  describeMachine,
  interleavedRounds,
  machineLine,
  markdownTable,
  serverContender,
} from '@course/common/bench'
import { measureThroughput } from '@course/common/load'
import { median } from '@course/common/stats'
import { stallDuringCpu, unitsFor } from '../test/cpu-stall.ts'

const entry = fileURLToPath(new URL('../bin/serve-koa.ts', import.meta.url))
const settings = benchSettings({ rounds: 3, warmups: 1, seconds: 3 })
const cures = [
  { name: 'inline', args: [] },
  { name: 'chunks of 2 units', args: ['--chunk-units', '2'] },
  { name: 'offloaded (1 thread)', args: ['--cpu-threads', '1'] },
]
const long = unitsFor(300)
const short = unitsFor(5)

const started = await Promise.all(
  cures.map((cure) => serverContender({ name: cure.name, entry, args: () => cure.args }).start(0)),
)
try {
  const samples = await interleavedRounds(
    started,
    async ({ handle }, { warmup }) => {
      const stall = await stallDuringCpu(handle, long)
      const run = await measureThroughput({
        url: `${handle.baseUrl}/cpu?n=${short}`,
        connections: 4,
        durationSeconds: warmup ? Math.min(1, settings.seconds) : settings.seconds,
      })
      return { ...stall, rps: run.requestsPerSecond }
    },
    settings,
  )
  const rows = cures.map((cure, i) => {
    const figure = (key: 'cpuMs' | 'healthzMs' | 'loopDelayMs' | 'rps') =>
      median((samples[i] ?? []).map((sample) => sample[key]))
    return [
      cure.name,
      figure('cpuMs').toFixed(0),
      figure('healthzMs').toFixed(0),
      (figure('healthzMs') / figure('cpuMs')).toFixed(2),
      figure('loopDelayMs').toFixed(0),
      figure('rps').toFixed(0),
    ]
  })
  console.log(
    `\n/cpu?n=${long} with a /healthz during it, then /cpu?n=${short} from 4 clients for ${settings.seconds} s (median of ${settings.rounds}); ${machineLine(describeMachine())}\n`,
  )
  console.log(
    markdownTable(
      [
        '/cpu runs',
        '/cpu ms',
        '/healthz ms',
        'healthz/cpu',
        'loop delay max ms',
        'small /cpu req/s',
      ],
      rows,
    ),
  )
} finally {
  await Promise.all(started.map((each) => each.stop()))
}
