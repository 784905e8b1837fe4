// The thread pool alone, beside Piscina: no HTTP and no sockets, only tasks
// handed to threads and results handed back. Over HTTP (pool.bench.ts) a
// request costs far more than a small task, which hides what a pool adds to
// each task; here it is all there is. Both pools run the same task module on
// W threads with 4W tasks in flight, taking turns round by round.
import { availableParallelism } from 'node:os'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  type Contender,
  chartsOf,
  columns,
  describeRun,
  formatRatio,
  idealForCpu,
  markdownTable,
  renderCharts,
  resultTable,
  runBench,
  type Workload,
  writeResults,
} from '@course/common/bench'
import { cpuUnitMs } from '@course/common/work'
import { Piscina } from 'piscina'
import type { ThreadPoolClass } from '#types'
import { impl } from '../lesson.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const settings = benchSettings({ rounds: 5, warmups: 1, seconds: 0.5 })
const filename = here('./fixtures/cpu-task.mjs')
const cores = availableParallelism()
const unitMs = cpuUnitMs()

interface Task extends Workload {
  units: number
}

const task = (name: string, units: number): Task => ({
  name,
  units,
  // An empty task has no ideal: what it measures is the hand-over alone.
  ideal: (threads) => (units ? idealForCpu(threads, units * unitMs, cores) : undefined),
})

/** A pool seen from the benchmark: run one task of `units` of CPU work. */
type Run = (units: number) => Promise<unknown>

const { ThreadPool } = await impl.load<{ ThreadPool: ThreadPoolClass }>('thread-pool.ts')

const ours: Contender<Run> = {
  name: 'ours',
  anchor: 'piscina',
  async start(threads) {
    const pool = new ThreadPool<number, number>({ filename, threads, maxQueue: 100_000 })
    await pool.ready()
    return { handle: (units) => pool.run(units), stop: () => pool.close() }
  },
}

const piscina: Contender<Run> = {
  name: 'piscina',
  async start(threads) {
    const pool = new Piscina({ filename, minThreads: threads, maxThreads: threads })
    return { handle: (units) => pool.run(units), stop: () => pool.close() }
  },
}

const result = await runBench({
  name: 'thread-pool',
  title: 'Lesson 02: the thread pool beside Piscina, tasks without HTTP',
  axis: { symbol: 'W', label: 'threads' },
  sizes: [1, 2, 4],
  contenders: [ours, piscina],
  workloads: [
    task('empty', 0),
    task('1 unit', 1),
    task('5 ms', Math.max(1, Math.round(5 / unitMs))),
  ],
  figure: { key: 'tasksPerSecond', label: 'tasks/s', better: 'higher' },
  settings,
  notes: { inFlight: '4W', unitMs },
  async measure(run, load, { size }) {
    return { tasksPerSecond: await tasksPerSecond(run, load.units, size * 4) }
  },
})

/** Tasks per second with `inFlight` tasks always waiting or running. */
async function tasksPerSecond(run: Run, units: number, inFlight: number): Promise<number> {
  let done = 0
  const started = performance.now()
  const end = started + settings.seconds * 1000
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await run(units)
        done++
      }
    }),
  )
  return (done * 1000) / (performance.now() - started)
}

const table = resultTable(result, [
  columns.workload('task'),
  columns.size(result),
  columns.contender('pool'),
  columns.figure('tasksPerSecond', 'tasks/s'),
  columns.ideal(),
  columns.ofIdeal(),
  columns.vsAnchor('ours / piscina'),
])
// The chapter's view: ours over Piscina, a task per line and a size per column.
const workloads = [...new Set(result.rows.map((row) => row.workload))]
const versusPiscina = markdownTable(
  ['task', ...result.sizes.map((size) => `W = ${size}`)],
  workloads.map((name) => [
    name,
    ...result.sizes.map((size) =>
      formatRatio(
        result.rows.find(
          (row) => row.contender === 'ours' && row.workload === name && row.size === size,
        )?.vsAnchor,
      ),
    ),
  ]),
)
console.log(`\n${describeRun(result)}; one unit of work costs ${unitMs.toFixed(2)} ms here\n`)
console.log(`${versusPiscina}\n\n${table}\n`)
const files = writeResults(here('./results'), result, {
  table: `${versusPiscina}\n\n${table}`,
  svg: renderCharts(result.title, chartsOf(result), 3),
})
console.log(
  `wrote ${[files.json, files.markdown, files.svg].map((file) => relative('.', file ?? '')).join(', ')}`,
)
