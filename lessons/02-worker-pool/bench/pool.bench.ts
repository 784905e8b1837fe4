// Throughput of the two pools for W = 1, 2, 4, 8 workers, each beside its
// production relative on the same workload in the same run: our supervisor
// beside Node's cluster, our thread pool beside Piscina. Every figure is also
// given as a ratio to its ideal: W/T for waits of T, min(W, cores)/c for CPU
// work of cost c. The load is closedLoop (C = 2W clients, a new connection per
// request), since these servers close every connection, as gunicorn's sync worker does.
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { closedLoop, cpuWork, median } from '@course/common'
import { startServer } from '@course/common/server-process'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const SIZES = [1, 2, 4, 8]
const WAIT_MS = 20
const cores = availableParallelism()

interface Contender {
  name: string
  /** The production relative this one is compared with. */
  anchor?: string
  entry: string
  args(workers: number): string[]
}

const servers: Contender[] = [
  {
    name: 'processes',
    anchor: 'cluster',
    entry: here('../bin/serve.ts'),
    args: (w) => ['--workers', String(w)],
  },
  {
    name: 'cluster',
    entry: here('./anchors/serve-cluster.ts'),
    args: (w) => ['--workers', String(w)],
  },
  {
    name: 'threads',
    anchor: 'piscina',
    entry: here('../bin/serve-threads.ts'),
    // Piscina's queue is as long in serve-piscina.ts: the two pools get the same room.
    args: (w) => ['--threads', String(w), '--max-queue', '1024'],
  },
  {
    name: 'piscina',
    entry: here('./anchors/serve-piscina.ts'),
    args: (w) => ['--threads', String(w)],
  },
]

/** CPU units that cost about 5 ms here, their measured cost c, and the cost of one unit. */
function calibrate(): { units: number; costMs: number; unitMs: number } {
  for (let i = 0; i < 50; i++) cpuWork(5)
  const perUnit = median(
    Array.from({ length: 20 }, () => {
      const started = performance.now()
      cpuWork(10)
      return (performance.now() - started) / 10
    }),
  )
  const units = Math.max(1, Math.round(5 / perUnit))
  return { units, costMs: units * perUnit, unitMs: perUnit }
}

const { units, costMs, unitMs } = calibrate()
const workloads = [
  { name: 'io', path: `/io?ms=${WAIT_MS}`, ideal: (w: number) => (w * 1000) / WAIT_MS },
  {
    name: 'cpu',
    path: `/cpu?n=${units}`,
    ideal: (w: number) => (Math.min(w, cores) * 1000) / costMs,
  },
  // A task far smaller than the cost of a request: what each pool adds per task shows here.
  { name: 'cpu-1', path: '/cpu?n=1', ideal: (w: number) => (Math.min(w, cores) * 1000) / unitMs },
]

interface Cell {
  server: string
  workload: string
  workers: number
  rps: number
  ideal: number
  p50: number
  p99: number
  errors: number
}

const cells: Cell[] = []
for (const workers of SIZES) {
  for (const server of servers) {
    const running = await startServer({ entry: server.entry, args: server.args(workers) })
    try {
      for (const workload of workloads) {
        const load = { connections: workers * 2 }
        await closedLoop(running.baseUrl, workload.path, { ...load, durationSeconds: 1 })
        const result = await closedLoop(running.baseUrl, workload.path, {
          ...load,
          durationSeconds: SECONDS,
        })
        cells.push({
          server: server.name,
          workload: workload.name,
          workers,
          rps: result.requestsPerSecond,
          ideal: workload.ideal(workers),
          p50: result.latencyMs.p50,
          p99: result.latencyMs.p99,
          errors: result.errors,
        })
        process.stdout.write('.')
      }
    } finally {
      await running.stop()
    }
  }
}

const find = (server: string, workload: string, workers: number) =>
  cells.find(
    (cell) => cell.server === server && cell.workload === workload && cell.workers === workers,
  )

console.log(
  `\n\nT = ${WAIT_MS} ms for io; c = ${costMs.toFixed(1)} ms (${units} units) for cpu, ${unitMs.toFixed(2)} ms for cpu-1; ${cores} cores; ${SECONDS} s per cell; C = 2W connections\n`,
)
console.log(
  'workload  W  server      req/s   ideal   of ideal   p50 ms   p99 ms   vs anchor   errors',
)
for (const cell of cells) {
  const anchor = servers.find((server) => server.name === cell.server)?.anchor
  const other = anchor ? find(anchor, cell.workload, cell.workers) : undefined
  const versus = other ? `${(cell.rps / other.rps).toFixed(2)}x` : ''
  console.log(
    `${cell.workload.padEnd(8)} ${String(cell.workers).padStart(2)}  ${cell.server.padEnd(10)} ${cell.rps.toFixed(0).padStart(6)} ${cell.ideal.toFixed(0).padStart(7)} ${(cell.rps / cell.ideal).toFixed(2).padStart(10)} ${cell.p50.toFixed(0).padStart(8)} ${cell.p99.toFixed(0).padStart(8)} ${versus.padStart(11)} ${String(cell.errors).padStart(8)}`,
  )
}
for (const server of ['processes', 'threads']) {
  const one = find(server, 'cpu', 1)
  const two = find(server, 'cpu', 2)
  if (one && two)
    console.log(`\n${server}: CPU work ${(two.rps / one.rps).toFixed(2)}x from 1 to 2 workers`)
}
mkdirSync(here('./results'), { recursive: true })
writeFileSync(
  here('./results/pool.json'),
  `${JSON.stringify({ waitMs: WAIT_MS, cpu: { units, costMs }, cores, seconds: SECONDS, cells }, null, 2)}\n`,
)
console.log('\nwrote bench/results/pool.json')
