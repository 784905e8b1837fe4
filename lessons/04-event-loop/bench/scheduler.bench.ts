// Lesson 04's benchmark: your scheduler against native async/await, in the
// same run. Switches per second, bytes per parked task, cost per timer.
// Run: pnpm course bench 04 (--solution for the reference). About 20 s.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { median } from '@course/common/stats'
import { impl } from '../lesson.ts'
import type * as SchedulerReference from '../solution/scheduler.ts'
import type * as HeapReference from '../solution/timer-heap.ts'
import { nativeBytesPerTask, schedulerBytesPerTask } from './parked-memory.ts'
import { nativeSwitchNs, schedulerSwitchNs } from './switches.ts'
import { heapNsPerTimer, schedulerNsPerSleeper } from './timer-cost.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const { Scheduler } = await impl.load<typeof SchedulerReference>('scheduler.ts')
const { TimerHeap } = await impl.load<typeof HeapReference>('timer-heap.ts')

const ROUNDS = 5
const PING_PONGS = 100_000
const PARKED = 100_000

// Switches: interleaved rounds (native, virtual, real), a warm-up first, medians after.
const switches = { native: [] as number[], virtual: [] as number[], real: [] as number[] }
await nativeSwitchNs(10_000)
await schedulerSwitchNs(Scheduler, 'virtual', 10_000)
for (let round = 0; round < ROUNDS; round++) {
  switches.native.push(await nativeSwitchNs(PING_PONGS))
  switches.virtual.push(await schedulerSwitchNs(Scheduler, 'virtual', PING_PONGS))
  switches.real.push(await schedulerSwitchNs(Scheduler, 'real', PING_PONGS / 10))
}
const nativeNs = median(switches.native)
console.log(`\nSwitches: a ping-pong between two tasks, median of ${ROUNDS} rounds\n`)
console.log('ping-pong                              ns/switch   switches/s   time vs native await')
for (const [name, samples] of [
  ['native async/await', switches.native],
  ['your scheduler, virtual clock', switches.virtual],
  ['your scheduler, real clock', switches.real],
] as const) {
  const ns = median(samples)
  console.log(
    `${name.padEnd(36)} ${ns.toFixed(0).padStart(11)} ${(1e9 / ns).toExponential(2).padStart(12)} ${(ns / nativeNs).toFixed(2).padStart(22)}`,
  )
}

// Memory: one measurement each (a full GC before and after), 100 000 tasks asleep.
const memory = {
  nativeAwaitingShared: await nativeBytesPerTask(PARKED, false),
  scheduler: await schedulerBytesPerTask(Scheduler, PARKED),
  nativeAwaitingTimer: await nativeBytesPerTask(PARKED, true),
}
console.log(`\nMemory: ${PARKED.toLocaleString('en')} tasks asleep at once, heap bytes per task\n`)
console.log('parked task                                       bytes each')
console.log(
  `${'your task, asleep on your timer heap'.padEnd(48)} ${memory.scheduler.toFixed(0).padStart(11)}`,
)
console.log(
  `${'async function awaiting its own setTimeout'.padEnd(48)} ${memory.nativeAwaitingTimer.toFixed(0).padStart(11)}`,
)
console.log(
  `${'async function awaiting a shared promise'.padEnd(48)} ${memory.nativeAwaitingShared.toFixed(0).padStart(11)}`,
)
console.log(`${"a worker thread (lesson 02's figure)".padEnd(48)} ${'~8 MiB'.padStart(11)}`)
console.log(`${"a worker process (lesson 02's figure)".padEnd(48)} ${'~39 MiB'.padStart(11)}`)

// Timers: ns per timer as n grows; a heap's cost grows like log2(n).
const sizes = [1_000, 10_000, 100_000, 1_000_000]
heapNsPerTimer(TimerHeap, 100_000)
const timers = []
for (const n of sizes) {
  const heapNs = median([1, 2, 3].map(() => heapNsPerTimer(TimerHeap, n)))
  const schedulerNs = n <= 100_000 ? await schedulerNsPerSleeper(Scheduler, n) : undefined
  timers.push({ n, heapNs, schedulerNs })
}
console.log('\nTimers: n timers pushed with scattered deadlines, then all fired in order\n')
console.log(
  '        n   heap ns/timer   ns / log2(n)   scheduler ns/sleeper   chart (heap ns/timer)',
)
const widest = Math.max(...timers.map((row) => row.heapNs))
for (const row of timers) {
  const bar = '#'.repeat(Math.max(1, Math.round((row.heapNs / widest) * 30)))
  console.log(
    `${row.n.toLocaleString('en').padStart(9)} ${row.heapNs.toFixed(0).padStart(15)} ${(row.heapNs / Math.log2(row.n)).toFixed(1).padStart(14)} ${(row.schedulerNs?.toFixed(0) ?? '-').padStart(22)}   ${bar}`,
  )
}

console.log(`\n${cpus().length} cores, Node ${process.version}, ${impl.dir}`)
mkdirSync(here('./results'), { recursive: true })
writeFileSync(
  here('./results/scheduler.json'),
  `${JSON.stringify({ cores: cpus().length, node: process.version, switches, memory, timers }, null, 2)}\n`,
)
console.log('wrote bench/results/scheduler.json')
