// The balancer beside nginx, same run, same backends.
//
//   1. Hello world with keep-alive, through one keep-alive node:http backend:
//      straight at the backend, through the lesson's balancer, through nginx
//      (upstream keepalive). autocannon, C = 10.
//   2. The sync deployment: GET /io?ms=20 over W = 1, 2, 4, 8 of lesson 01's
//      blocking servers at C = 2W clients (a new connection per request),
//      through the balancer (k = 1, least-connections) and through nginx. The
//      ideal is W / T requests per second.
// Each cell is the median of short rounds taken in turn, so a noisy second on
// this shared machine hurts both contenders alike.
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { closedLoop, measureThroughput } from '@course/common/load'
import { type ServerProcess, startServer } from '@course/common/server-process'
import { median } from '@course/common/stats'
import { blockingBackendFile, nodeHttpBackendFile } from '../backends/index.ts'
import { findNginx, startNginx } from '../test/nginx.ts'
import { startBalancerProcess } from './balancer-process.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1)
const SIZES = (process.env.BENCH_SIZES ?? '1,2,4,8').split(',').map(Number)
const WAIT_MS = 20
const nginx = findNginx()
if (!nginx)
  console.warn('nginx not found: its columns are left out (sudo apt-get install nginx-light)')

interface Target {
  name: string
  baseUrl: string
  stop(): Promise<void>
}

async function targets(
  backends: ServerProcess[],
  config: Record<string, unknown>,
): Promise<Target[]> {
  const balancer = await startBalancerProcess(backends, config)
  const list: Target[] = [
    { name: 'balancer', baseUrl: balancer.baseUrl, stop: () => balancer.stop() },
  ]
  if (nginx) {
    const anchor = await startNginx(nginx, { backends: backends.map(({ port }) => ({ port })) })
    list.push({ name: 'nginx', ...anchor })
  }
  return list
}

interface Row {
  [column: string]: string | number
}

function printTable(title: string, rows: Row[]): void {
  const columns = Object.keys(rows[0] ?? {})
  console.log(`\n${title}\n`)
  console.log(`| ${columns.join(' | ')} |`)
  console.log(`| ${columns.map(() => '---').join(' | ')} |`)
  for (const row of rows) console.log(`| ${columns.map((column) => row[column]).join(' | ')} |`)
}

async function hello(): Promise<Row[]> {
  const backend = await startServer({ entry: nodeHttpBackendFile })
  const list = [
    { name: 'direct', baseUrl: backend.baseUrl, stop: async () => {} },
    ...(await targets([backend], { poolSize: 16 })),
  ]
  const rps = new Map<string, number[]>()
  const p99 = new Map<string, number[]>()
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of list) {
        const result = await measureThroughput({
          url: `${target.baseUrl}/`,
          connections: 10,
          durationSeconds: SECONDS,
        })
        rps.set(target.name, [...(rps.get(target.name) ?? []), result.requestsPerSecond])
        p99.set(target.name, [...(p99.get(target.name) ?? []), result.latencyMs.p99])
      }
    }
  } finally {
    for (const target of list) await target.stop()
    await backend.stop()
  }
  const direct = median(rps.get('direct') ?? [])
  const viaNginx = median(rps.get('nginx') ?? [])
  return list.map(({ name }) => {
    const value = median(rps.get(name) ?? [])
    return {
      path: name,
      'req/s': Math.round(value),
      'of direct': (value / direct).toFixed(2),
      'of nginx': nginx ? (value / viaNginx).toFixed(2) : '-',
      'p99 ms': median(p99.get(name) ?? []),
    }
  })
}

async function syncDeployment(): Promise<Row[]> {
  const rows: Row[] = []
  for (const workers of SIZES) {
    const backends = await Promise.all(
      Array.from({ length: workers }, () =>
        startServer({ entry: blockingBackendFile, env: { COURSE_IMPL: 'solution' } }),
      ),
    )
    const list = await targets(backends, { maxConnPerBackend: 1, algorithm: 'least-connections' })
    const rps = new Map<string, number[]>()
    const p99 = new Map<string, number[]>()
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of list) {
          const result = await closedLoop(target.baseUrl, `/io?ms=${WAIT_MS}`, {
            connections: 2 * workers,
            durationSeconds: SECONDS,
          })
          rps.set(target.name, [...(rps.get(target.name) ?? []), result.requestsPerSecond])
          p99.set(target.name, [...(p99.get(target.name) ?? []), result.latencyMs.p99])
        }
      }
    } finally {
      for (const target of list) await target.stop()
      await Promise.all(backends.map((backend) => backend.stop()))
    }
    const ideal = (workers * 1000) / WAIT_MS
    for (const { name } of list) {
      const value = median(rps.get(name) ?? [])
      rows.push({
        W: workers,
        C: 2 * workers,
        path: name,
        'req/s': Math.round(value),
        'ideal W/T': ideal,
        'of ideal': (value / ideal).toFixed(2),
        'p99 ms': Math.round(median(p99.get(name) ?? [])),
      })
    }
  }
  return rows
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}`
const helloRows = await hello()
printTable(
  `Hello world, keep-alive, C = 10 (${machine}; median of ${ROUNDS} rounds of ${SECONDS} s)`,
  helloRows,
)
const syncRows = await syncDeployment()
printTable(`GET /io?ms=${WAIT_MS} over W blocking backends, C = 2W, k = 1 (${machine})`, syncRows)
const results = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(results, { recursive: true })
writeFileSync(
  `${results}balancer.json`,
  JSON.stringify({ machine, hello: helloRows, sync: syncRows }, null, 2),
)
