// Throughput of the two pools for W = 1, 2, 4, 8 workers, each beside its
// production relative on the same workload in the same run: our supervisor
// beside Node's cluster, our thread pool beside Piscina. Every figure is also
// given as a ratio to its ideal: W/T for waits of T, min(W, cores)/c for CPU
// work of cost c; what is missing from the ideal, spread over the requests,
// is the pool's own cost per request ("extra ms"). The load is closedLoop
// (C = 2W clients, a new connection per request), since these servers close
// every connection, as gunicorn's sync worker does.
//
// This machine is shared and noisy: a slow second would hurt whichever server
// happened to run in it. So all four servers of a size run side by side, and
// each cell is the median of short rounds taken in turn.
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { type ClosedLoopResult, closedLoop } from '@course/common/load'
import { type ServerProcess, startServer } from '@course/common/server-process'
import { median } from '@course/common/stats'
import { cpuUnitMs } from '@course/common/work'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1)
const SIZES = [1, 2, 4, 8]
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

interface Workload {
  name: string
  path: string
  /** What one request costs a worker: T, or c. */
  costMs: number
  /** Requests per second with no cost but costMs. */
  ideal(workers: number): number
}

function waits(ms: number): Workload {
  return { name: `io ${ms}`, path: `/io?ms=${ms}`, costMs: ms, ideal: (w) => (w * 1000) / ms }
}

const unitMs = cpuUnitMs()
const unitsFor = (ms: number) => Math.max(1, Math.round(ms / unitMs))

/** Requests of `units` of CPU work, named by what they cost. */
function cpu(units: number): Workload {
  const costMs = units * unitMs
  return {
    name: `cpu ${costMs < 1 ? costMs.toFixed(1) : costMs.toFixed(0)}`,
    path: `/cpu?n=${units}`,
    costMs,
    ideal: (w) => (Math.min(w, cores) * 1000) / costMs,
  }
}

// The last, one unit of work, is far smaller than the cost of a request: what each pool adds shows there.
const workloads = [waits(20), waits(50), cpu(unitsFor(5)), cpu(unitsFor(50)), cpu(1)]

interface Cell {
  server: string
  workload: string
  workers: number
  rps: number
  ideal: number
  costMs: number
  p50: number
  p99: number
  errors: number
}

const cells: Cell[] = []
for (const workers of SIZES) {
  const running: ServerProcess[] = []
  try {
    for (const server of servers) {
      running.push(await startServer({ entry: server.entry, args: server.args(workers) }))
    }
    const load = { connections: workers * 2 }
    for (const baseUrl of running.map((each) => each.baseUrl)) {
      for (const workload of workloads) {
        await closedLoop(baseUrl, workload.path, { ...load, durationSeconds: 0.5 })
      }
    }
    const rounds = new Map<string, ClosedLoopResult[]>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, server] of servers.entries()) {
        for (const workload of workloads) {
          const result = await closedLoop(running[index]?.baseUrl ?? '', workload.path, {
            ...load,
            durationSeconds: SECONDS,
          })
          const key = `${server.name} ${workload.name}`
          rounds.set(key, [...(rounds.get(key) ?? []), result])
          process.stdout.write('.')
        }
      }
    }
    for (const server of servers) {
      for (const workload of workloads) {
        const results = rounds.get(`${server.name} ${workload.name}`) ?? []
        cells.push({
          server: server.name,
          workload: workload.name,
          workers,
          rps: median(results.map((result) => result.requestsPerSecond)),
          ideal: workload.ideal(workers),
          costMs: workload.costMs,
          p50: median(results.map((result) => result.latencyMs.p50)),
          p99: median(results.map((result) => result.latencyMs.p99)),
          errors: results.reduce((sum, result) => sum + result.errors, 0),
        })
      }
    }
  } finally {
    await Promise.all(running.map((each) => each.stop()))
  }
}

const find = (server: string, workload: string, workers: number) =>
  cells.find(
    (cell) => cell.server === server && cell.workload === workload && cell.workers === workers,
  )

console.log(
  `\n\nworkload: what a request costs, in ms; ${cores} cores; C = 2W connections; median of ${ROUNDS} rounds of ${SECONDS} s\n`,
)
console.log(
  'workload  W  server      req/s   ideal   of ideal   extra ms   p50 ms   p99 ms   vs anchor   errors',
)
for (const cell of cells) {
  const anchor = servers.find((server) => server.name === cell.server)?.anchor
  const other = anchor ? find(anchor, cell.workload, cell.workers) : undefined
  const versus = other ? `${(cell.rps / other.rps).toFixed(2)}x` : ''
  const extra = (cell.ideal / cell.rps - 1) * cell.costMs
  console.log(
    [
      cell.workload.padEnd(8),
      String(cell.workers).padStart(2),
      ` ${cell.server.padEnd(10)}`,
      cell.rps.toFixed(0).padStart(6),
      cell.ideal.toFixed(0).padStart(7),
      (cell.rps / cell.ideal).toFixed(2).padStart(10),
      extra.toFixed(2).padStart(10),
      cell.p50.toFixed(0).padStart(8),
      cell.p99.toFixed(0).padStart(8),
      versus.padStart(11),
      String(cell.errors).padStart(8),
    ].join(' '),
  )
}
console.log('')
for (const workload of workloads.filter((each) => each.name.startsWith('cpu'))) {
  const gains = servers.map((server) => {
    const one = find(server.name, workload.name, 1)
    const two = find(server.name, workload.name, 2)
    return `${server.name} ${one && two ? (two.rps / one.rps).toFixed(2) : '?'}x`
  })
  console.log(`${workload.name}: from 1 to 2 workers, ${gains.join(', ')}`)
}
mkdirSync(here('./results'), { recursive: true })
writeFileSync(
  here('./results/pool.json'),
  `${JSON.stringify({ cores, unitMs, rounds: ROUNDS, seconds: SECONDS, workloads, cells }, null, 2)}\n`,
)
console.log('\nwrote bench/results/pool.json')
