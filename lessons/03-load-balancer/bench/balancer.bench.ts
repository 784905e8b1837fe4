// Lesson 03 benchmark: the balancer beside nginx, same run, same backends.
//
//   1. hello: GET / with keep-alive (autocannon, C = 10) through one
//      keep-alive node:http backend: straight at it, through the balancer,
//      through nginx, through http-proxy (npm) with a keep-alive agent. What
//      a proxy costs per request, as a share of direct.
//   2. sync: GET /io?ms=20 over W = 1, 2, 4, 8 of lesson 01's blocking
//      servers at C = 2W clients (a new connection per request), through
//      the balancer (k = 1, least-connections; and with nginx's policy, no
//      limit and round-robin) and through nginx. The ideal is W / T requests
//      per second: a pool of W that each hold a request T.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  type Contender,
  chartsOf,
  columns,
  describeRun,
  idealForWaits,
  renderCharts,
  resultTable,
  runBench,
  writeResults,
} from '@course/common/bench'
import { closedLoop, measureThroughput } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { findNginx, INSTALL_NGINX } from '../anchors/nginx.ts'
import { blockingBackendFile, nodeHttpBackendFile } from '../backends/index.ts'
import { balancer, direct, httpProxy, nginx, SharedBackends } from './deployment.ts'

const WAIT_MS = 20
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const settings = benchSettings({ rounds: 3, warmups: 1, seconds: 1 })
// Hello world: five rounds, the warm-up as long as a round. Three 1-second
// rounds after half a second of warm-up put the balancer anywhere from 0.9 to
// 1.1 of http-proxy from one run to the next.
const helloSettings = benchSettings({ rounds: 5, warmups: 1, seconds: 1 })
const binary = findNginx()
if (!binary) console.warn(`${INSTALL_NGINX}; the nginx rows are left out`)

const withNginx = (shared: SharedBackends, ...ours: Contender<string>[]): Contender<string>[] =>
  binary ? [...ours, nginx(shared, binary)] : ours
const anchor = binary && 'nginx'

const helloBackends = new SharedBackends(async () => [
  await startServer({ entry: nodeHttpBackendFile }),
])
const hello = await runBench({
  name: 'hello',
  title: 'Lesson 03: hello world with keep-alive through a proxy, C = 10',
  axis: { symbol: 'C', label: 'connections' },
  sizes: [10],
  contenders: [
    direct(helloBackends),
    ...withNginx(helloBackends, balancer(helloBackends, { poolSize: 16 }, { anchor })),
    httpProxy(helloBackends),
  ],
  workloads: [{ name: 'hello' }],
  figure: { key: 'rps', label: 'req/s', better: 'higher' },
  settings: helloSettings,
  async measure(url, _load, { size }) {
    const result = await measureThroughput({
      url: `${url}/`,
      connections: size,
      durationSeconds: helloSettings.seconds,
    })
    return {
      rps: result.requestsPerSecond,
      p99: result.latencyMs.p99,
      errors: result.errors + result.non2xx,
    }
  },
})
const directRps = hello.rows.find((row) => row.contender === 'direct')?.median.rps ?? Number.NaN
const helloTable = resultTable(hello, [
  columns.contender('path'),
  columns.figure('rps', 'req/s'),
  { header: 'of direct', cell: (row) => ((row.median.rps ?? 0) / directRps).toFixed(2) },
  columns.vsAnchor('balancer vs nginx'),
  columns.figure('p99', 'p99 ms'),
  columns.figure('errors', 'errors'),
])
console.log(`\n${hello.title}\n${describeRun(hello)}\n\n${helloTable}\n`)

const blockingBackends = new SharedBackends((workers) =>
  Promise.all(
    Array.from({ length: workers }, () =>
      startServer({ entry: blockingBackendFile, env: { COURSE_IMPL: 'solution' } }),
    ),
  ),
)
const sync = await runBench({
  name: 'sync',
  title: `Lesson 03: GET /io?ms=${WAIT_MS} over W blocking backends, C = 2W`,
  axis: { symbol: 'W', label: 'blocking backends' },
  sizes: [1, 2, 4, 8],
  contenders: withNginx(
    blockingBackends,
    balancer(
      blockingBackends,
      { maxConnPerBackend: 1, algorithm: 'least-connections' },
      { name: 'balancer, k = 1', anchor },
    ),
    // nginx's own policy, for a like-for-like row: no limit, round-robin; the
    // requests beyond one per backend wait in its accept queue, not in ours.
    balancer(
      blockingBackends,
      { maxConnPerBackend: 0, algorithm: 'round-robin' },
      { name: 'balancer, no limit', anchor },
    ),
  ),
  workloads: [{ name: `io ${WAIT_MS}`, ideal: (workers) => idealForWaits(workers, WAIT_MS) }],
  figure: { key: 'rps', label: 'req/s', better: 'higher' },
  settings,
  notes: { clients: 'C = 2W, a new connection per request' },
  async measure(url, _load, { size, warmup }) {
    const seconds = warmup ? Math.min(settings.seconds, 0.5) : settings.seconds
    const result = await closedLoop(url, `/io?ms=${WAIT_MS}`, {
      connections: 2 * size,
      durationSeconds: seconds,
    })
    return { rps: result.requestsPerSecond, p99: result.latencyMs.p99, errors: result.errors }
  },
})
const syncTable = resultTable(sync, [
  columns.contender('path'),
  columns.size(sync),
  columns.figure('rps', 'req/s'),
  columns.ideal('ideal W/T'),
  columns.ofIdeal('of ideal'),
  columns.vsAnchor('balancer vs nginx'),
  columns.figure('p99', 'p99 ms'),
  columns.figure('errors', 'errors'),
])
console.log(`\n${sync.title}\n${describeRun(sync)}\n\n${syncTable}\n`)

const dir = here('./results')
const files = [
  writeResults(dir, hello, { table: helloTable }),
  writeResults(dir, sync, {
    table: syncTable,
    svg: renderCharts(sync.title, chartsOf(sync, { ideal: true })),
  }),
]
console.log(
  `wrote ${files
    .flatMap((file) => [file.json, file.markdown, file.svg ?? []])
    .flat()
    .map((file) => relative('.', file))
    .join(', ')}`,
)
