// Lesson 04's benchmark: your scheduler against native async/await, in the
// same run. Switches per second, bytes per parked task, cost per timer.
// Run: pnpm course bench 04 (--solution for the reference). About 20 s.
// A quick check of the code: BENCH_ROUNDS=1 BENCH_WARMUPS=0 pnpm course bench 04
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  describeMachine,
  interleavedRounds,
  machineLine,
  markdownTable,
} from '@course/common/bench'
import { median } from '@course/common/stats'
import { impl } from '../lesson.ts'
import type * as SchedulerReference from '../solution/scheduler.ts'
import type * as HeapReference from '../solution/timer-heap.ts'
import { bytesByObject } from './bytes-by-object.ts'
import { probeInFreshProcess } from './memory-probe.ts'
import { nativeSwitchNs, schedulerSwitchNs } from './switches.ts'
import { heapNsPerTimer, schedulerNsPerSleeper } from './timer-cost.ts'

const { Scheduler } = await impl.load<typeof SchedulerReference>('scheduler.ts')
const { TimerHeap } = await impl.load<typeof HeapReference>('timer-heap.ts')
const settings = benchSettings({ rounds: 5, warmups: 1, seconds: 0 })
const machine = describeMachine()
const PING_PONGS = 1_000_000
const PARKED = 100_000
const TIMERS = [1_000, 10_000, 100_000, 1_000_000]

// Switches: native, virtual clock, real clock, measured in turns; medians.
const pingPongs = [
  { name: 'native async/await', measure: () => nativeSwitchNs(PING_PONGS) },
  {
    name: 'your scheduler, virtual clock, yield*',
    measure: () => schedulerSwitchNs(Scheduler, 'virtual', PING_PONGS),
  },
  {
    name: 'your scheduler, virtual clock, yield',
    measure: () => schedulerSwitchNs(Scheduler, 'virtual', PING_PONGS, 'yield'),
  },
  {
    name: 'your scheduler, real clock, yield*',
    measure: () => schedulerSwitchNs(Scheduler, 'real', PING_PONGS),
  },
]
const switchSamples = await interleavedRounds(pingPongs, (pingPong) => pingPong.measure(), settings)
const switchNs = switchSamples.map(median)
const nativeNs = switchNs[0] ?? Number.NaN
const switchTable = markdownTable(
  ['ping-pong', 'ns/switch', 'switches/s', 'time vs native await'],
  pingPongs.map(({ name }, i) => {
    const ns = switchNs[i] ?? Number.NaN
    return [name, ns.toFixed(0), (1e9 / ns).toExponential(2), (ns / nativeNs).toFixed(2)]
  }),
)

// Memory: one measurement each, on a fresh heap in a process of its own.
const memory = {
  nativeAwaitingShared: await probeInFreshProcess('native, one shared promise', PARKED),
  scheduler: await probeInFreshProcess('scheduler, yield', PARKED),
  schedulerYieldStar: await probeInFreshProcess('scheduler, yield*', PARKED),
  nativeAwaitingTimer: await probeInFreshProcess('native, own setTimeout', PARKED),
}
const memoryTable = markdownTable(
  [`${PARKED.toLocaleString('en')} parked tasks`, 'bytes each'],
  [
    ['your task, `yield sleep()` on your timer heap', memory.scheduler.toFixed(0)],
    ['your task, `yield* sleep()` on your timer heap', memory.schedulerYieldStar.toFixed(0)],
    ['async function awaiting its own setTimeout', memory.nativeAwaitingTimer.toFixed(0)],
    ['async function awaiting one shared promise', memory.nativeAwaitingShared.toFixed(0)],
    ["a worker thread (lesson 02's figure)", '~8 MiB'],
    ["a worker process (lesson 02's figure)", '~39 MiB'],
  ],
)
const BROKEN_DOWN = 20_000
const breakdowns = {
  yield: await bytesByObject(Scheduler, BROKEN_DOWN, 'yield'),
  'yield*': await bytesByObject(Scheduler, BROKEN_DOWN, 'yield*'),
}
const kinds = [...new Set([...breakdowns['yield*'], ...breakdowns.yield].map(({ what }) => what))]
const bytesOf = (style: keyof typeof breakdowns, what: string) => {
  const kind = breakdowns[style].find((each) => each.what === what)
  return kind ? kind.perTask * kind.bytesEach : 0
}
const restOf = (style: keyof typeof breakdowns, total: number) =>
  total - kinds.reduce((sum, what) => sum + bytesOf(style, what), 0)
const breakdownTable = markdownTable(
  ["object (V8's name)", 'bytes per task, yield', 'bytes per task, yield*'],
  [
    ...kinds.map((what) => [
      what,
      bytesOf('yield', what).toFixed(0),
      bytesOf('yield*', what).toFixed(0),
    ]),
    [
      'the rest: the tables that hold them all (sets, arrays)',
      restOf('yield', memory.scheduler).toFixed(0),
      restOf('yield*', memory.schedulerYieldStar).toFixed(0),
    ],
  ],
)

// Timers: ns per timer as n grows; a heap's cost should grow like log2(n).
heapNsPerTimer(TimerHeap, 100_000)
const timers = []
for (const n of TIMERS) {
  const heapNs = median(Array.from({ length: settings.rounds }, () => heapNsPerTimer(TimerHeap, n)))
  const schedulerRounds: number[] = []
  // A million sleeping tasks would hold about half a gigabyte: the whole scheduler stops at 100 000.
  for (let round = 0; n <= 100_000 && round < settings.rounds; round++) {
    schedulerRounds.push(await schedulerNsPerSleeper(Scheduler, n))
  }
  const schedulerNs = schedulerRounds.length > 0 ? median(schedulerRounds) : undefined
  timers.push({ n, heapNs, schedulerNs })
}
const widest = Math.max(...timers.map((row) => row.heapNs))
const timerTable = markdownTable(
  ['timers n', 'heap ns/timer', 'ns / log2(n)', 'scheduler ns per sleeping task'],
  timers.map((row) => [
    row.n.toLocaleString('en'),
    row.heapNs.toFixed(0),
    (row.heapNs / Math.log2(row.n)).toFixed(1),
    row.schedulerNs?.toFixed(0) ?? '-',
  ]),
)
const timerChart = timers
  .map(
    (row) =>
      `${row.n.toLocaleString('en').padStart(9)}  ${'#'.repeat(Math.max(1, Math.round((row.heapNs / widest) * 30)))}`,
  )
  .join('\n')

const caption = `${machineLine(machine)}; median of ${settings.rounds} rounds after ${settings.warmups} warm-up; ${impl.dir}`
const report = [
  `Switches: a ping-pong between two tasks\n\n${switchTable}`,
  `Memory: tasks asleep at once, heap bytes per task\n\n${memoryTable}`,
  `Where the bytes of one parked task go (${BROKEN_DOWN.toLocaleString('en')} tasks, one heap snapshot)\n\n${breakdownTable}`,
  `Timers: n timers with scattered deadlines, pushed then all fired\n\n${timerTable}\n\nheap ns per timer\n${timerChart}`,
].join('\n\n')
console.log(`\n${report}\n\n${caption}`)

const results = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(results, { recursive: true })
writeFileSync(
  `${results}scheduler.json`,
  `${JSON.stringify({ date: new Date().toISOString(), machine, settings, switches: { names: pingPongs.map(({ name }) => name), samples: switchSamples }, memory, breakdowns, timers }, null, 2)}\n`,
)
writeFileSync(`${results}scheduler.md`, `# Lesson 04: the scheduler\n\n${caption}.\n\n${report}\n`)
console.log('wrote bench/results/scheduler.json and scheduler.md')
