// Throughput of the two pools for W = 1, 2, 4, 8 workers, each beside its
// production relative on the same workload in the same run: our supervisor
// beside Node's cluster, our thread pool beside Piscina. Every figure is also
// given as a ratio to its ideal: W/T for waits of T, min(W, cores)/c for CPU
// work of cost c; what is missing from the ideal, spread over the requests,
// is the pool's own cost per request ("extra ms"). The load is closedLoop
// (C = 2W clients, a new connection per request), since these servers close
// every connection, as gunicorn's sync worker does.
//
// Run against the reference solution with the default settings, it rewrites
// bench/RESULTS.md and bench/pool.svg, the figures the chapter quotes.
import { availableParallelism } from 'node:os'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  columns,
  describeRun,
  idealForCpu,
  idealForWaits,
  isFullRun,
  resultTable,
  runBench,
  serverContender,
  type Workload,
  writeResults,
} from '@course/common/bench'
import { closedLoop } from '@course/common/load'
import { cpuUnitMs } from '@course/common/work'
import { impl } from '../lesson.ts'
import { poolChart, writePoolReport } from './pool-report.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const defaults = { rounds: 5, warmups: 1, seconds: 1 }
const settings = benchSettings(defaults)
const cores = availableParallelism()

interface Load extends Workload {
  path: string
  /** What one request costs a worker: T, or c. */
  costMs: number
}

const waits = (ms: number): Load => ({
  name: `io ${ms}`,
  path: `/io?ms=${ms}`,
  costMs: ms,
  ideal: (workers) => idealForWaits(workers, ms),
})

const unitMs = cpuUnitMs()
const unitsFor = (ms: number) => Math.max(1, Math.round(ms / unitMs))

/** Requests of `units` of CPU work, named by what they cost. */
function cpu(units: number): Load {
  const costMs = units * unitMs
  return {
    name: `cpu ${costMs < 1 ? costMs.toFixed(1) : costMs.toFixed(0)}`,
    path: `/cpu?n=${units}`,
    costMs,
    ideal: (workers) => idealForCpu(workers, costMs, cores),
  }
}

// The last, one unit of work, is far smaller than the cost of a request: what each pool adds shows there.
const workloads = [waits(20), waits(50), cpu(unitsFor(5)), cpu(unitsFor(50)), cpu(1)]
const costOf = new Map(workloads.map((load) => [load.name, load.costMs]))

const result = await runBench({
  name: 'pool',
  title: 'Lesson 02: the pools beside cluster and Piscina',
  axis: { symbol: 'W', label: 'workers' },
  sizes: [1, 2, 4, 8],
  contenders: [
    serverContender({
      name: 'processes',
      anchor: 'cluster',
      entry: here('../bin/serve.ts'),
      args: (w) => ['--workers', String(w)],
    }),
    serverContender({
      name: 'cluster',
      entry: here('./anchors/serve-cluster.ts'),
      args: (w) => ['--workers', String(w)],
    }),
    serverContender({
      name: 'threads',
      anchor: 'piscina',
      entry: here('../bin/serve-threads.ts'),
      // Piscina's queue is as long in serve-piscina.ts: the two pools get the same room.
      args: (w) => ['--threads', String(w), '--max-queue', '1024'],
    }),
    serverContender({
      name: 'piscina',
      entry: here('./anchors/serve-piscina.ts'),
      args: (w) => ['--threads', String(w)],
    }),
  ],
  workloads,
  figure: { key: 'rps', label: 'req/s', better: 'higher' },
  settings,
  notes: { connections: 'C = 2W', unitMs },
  async measure(server, load, { size, warmup }) {
    const durationSeconds = warmup ? settings.seconds / 2 : settings.seconds
    const run = await closedLoop(server.baseUrl, load.path, {
      connections: size * 2,
      durationSeconds,
    })
    return {
      rps: run.requestsPerSecond,
      p50: run.latencyMs.p50,
      p99: run.latencyMs.p99,
      errors: run.errors,
    }
  },
})

const table = resultTable(result, [
  columns.workload(),
  columns.size(result),
  columns.contender(),
  columns.figure('rps', 'req/s'),
  columns.ideal(),
  columns.ofIdeal(),
  {
    header: 'extra ms',
    cell: (row) =>
      row.ofIdeal ? ((1 / row.ofIdeal - 1) * (costOf.get(row.workload) ?? 0)).toFixed(2) : '',
  },
  columns.figure('p50', 'p50 ms'),
  columns.figure('p99', 'p99 ms'),
  columns.vsAnchor(),
  columns.figure('errors', 'errors'),
])
console.log(`\n${describeRun(result)}; C = 2W clients\n\n${table}\n`)

const svg = poolChart(result)
const files = writeResults(here('./results'), result, { table, svg })
console.log(
  `wrote ${[files.json, files.markdown, files.svg].map((file) => relative('.', file ?? '')).join(', ')}`,
)

if (impl.dir === here('../solution') && isFullRun(settings, defaults)) {
  writePoolReport(result, table, svg, { markdown: here('./RESULTS.md'), svg: here('./pool.svg') })
  console.log('rewrote bench/RESULTS.md and bench/pool.svg: commit them with the chapter')
} else {
  console.log('bench/RESULTS.md left as it is: only a full run of the reference rewrites it')
}
