// Lesson 05 benchmark: throughput of one async process, C keep-alive clients
// (autocannon), on hello world and on GET /io?ms=100. For the waits the ideal
// is C / T (Little's law: C requests in flight, each T long); hello world has
// no ideal, only the anchor: bare node:http, measured in the same run. Then
// hello world on the frameworks alone (bench/bare-server.ts), beside a bare
// node:http: what Koa and Hono cost before any middleware of the course's.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  chartsOf,
  columns,
  describeRun,
  formatRatio,
  idealForWaits,
  renderCharts,
  resultTable,
  runBench,
  type Workload,
  writeResults,
} from '@course/common/bench'
import { measureThroughput, send } from '@course/common/load'
import { LOOP_DELAY_PATH, type LoopDelayReport } from '../bin/loop-delay.ts'
import { bareContenders, contenders } from './contenders.ts'

const WAIT_MS = 100
const settings = benchSettings({ rounds: 3, warmups: 1, seconds: 3 })

interface Route extends Workload {
  path: string
}

const workloads: Route[] = [
  { name: 'hello', path: '/' },
  { name: `io ${WAIT_MS}`, path: `/io?ms=${WAIT_MS}`, ideal: (c) => idealForWaits(c, WAIT_MS) },
]

const loopDelay = async (baseUrl: string) =>
  JSON.parse((await send(baseUrl, { path: LOOP_DELAY_PATH })).body.toString()) as LoopDelayReport

/** One round: C clients for a few seconds, and what the server's loop did meanwhile. */
async function measure(
  server: { baseUrl: string },
  load: Route,
  { size, warmup }: { size: number; warmup: boolean },
) {
  await loopDelay(server.baseUrl) // starts the server's loop figures over
  const run = await measureThroughput({
    url: `${server.baseUrl}${load.path}`,
    connections: size,
    durationSeconds: warmup ? Math.min(1, settings.seconds) : settings.seconds,
  })
  const loop = await loopDelay(server.baseUrl)
  return {
    rps: run.requestsPerSecond,
    p99: run.latencyMs.p99,
    errors: run.errors + run.non2xx,
    elu: loop.utilization,
    loopMaxMs: loop.maxMs,
  }
}

const result = await runBench({
  name: 'throughput',
  title: 'Lesson 05: one async process, C keep-alive clients',
  axis: { symbol: 'C', label: 'clients' },
  sizes: [100, 1000],
  contenders,
  workloads,
  figure: { key: 'rps', label: 'requests/s', better: 'higher' },
  settings,
  measure,
})

const bare = await runBench({
  name: 'frameworks',
  title: 'Lesson 05: hello world on the frameworks alone, C = 100',
  axis: { symbol: 'C', label: 'clients' },
  sizes: [100],
  contenders: bareContenders,
  workloads: workloads.filter((load) => load.name === 'hello'),
  figure: { key: 'rps', label: 'requests/s', better: 'higher' },
  settings,
  measure,
})

const table = resultTable(result, [
  columns.workload(),
  columns.contender(),
  columns.size(result),
  columns.figure('rps', 'req/s'),
  columns.ideal('ideal C/T'),
  columns.ofIdeal('of ideal'),
  columns.figure('p99', 'p99 ms'),
  columns.figure('elu', 'loop busy', 2),
  columns.figure('errors', 'errors'),
  { header: 'vs node:http', cell: (row) => formatRatio(row.vsAnchor) },
])
console.log(`\n${describeRun(result)}; T = ${WAIT_MS} ms\n\n${table}\n`)
console.log('"vs node:http" above 1 means more requests per second than bare node:http.')

const bareTable = resultTable(bare, [
  columns.contender(),
  columns.figure('rps', 'req/s'),
  columns.figure('p99', 'p99 ms'),
  columns.figure('elu', 'loop busy', 2),
  { header: 'vs bare node:http', cell: (row) => formatRatio(row.vsAnchor) },
])
console.log(`\n${bare.title}\n${describeRun(bare)}\n\n${bareTable}\n`)

const dir = fileURLToPath(new URL('./results', import.meta.url))
const files = [
  writeResults(dir, result, {
    table,
    svg: renderCharts(result.title, chartsOf(result, { ideal: true })),
  }),
  writeResults(dir, bare, { table: bareTable }),
]
console.log(
  `wrote ${files
    .flatMap((file) => [file.json, file.markdown, file.svg ?? []])
    .flat()
    .map((file) => relative('.', file))
    .join(', ')}`,
)
