// Lesson 01 benchmark: N concurrent requests of T ms against a server that
// serves one at a time. The ideal for one-at-a-time is N x T for the burst; a
// figure of 1.00 means no overhead beyond the waits themselves.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { burst } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { median, summarize } from '@course/common/stats'
import { maxConcurrent, renderSvg } from '@course/common/timeline'

const WAIT_MS = 50
const SIZES = [1, 2, 4, 8]
const ROUNDS = 5
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const servers = {
  'lesson 01': { entry: here('../bin/serve.ts') },
  'node:http (anchor)': { entry: here('./node-http-anchor.ts') },
}

interface Row {
  server: string
  n: number
  wallMs: number
  idealMs: number
  p50: number
  p99: number
  maxConcurrent: number
}

const rows: Row[] = []
const running = await Promise.all(Object.values(servers).map((options) => startServer(options)))
try {
  for (const n of SIZES) {
    // Interleave the servers round by round, so a noisy moment hurts both alike.
    const walls = running.map(() => [] as number[])
    const latencies = running.map(() => [] as number[])
    const overlap = running.map(() => 0)
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const [i, server] of running.entries()) {
        const result = await burst(server.baseUrl, { path: `/io?ms=${WAIT_MS}`, n })
        if (round === 0) continue // warm-up
        walls[i]?.push(result.wallMs)
        latencies[i]?.push(...result.spans.map((span) => span.received - span.sent))
        overlap[i] = Math.max(overlap[i] ?? 0, maxConcurrent(result.spans))
        if (n === 8 && round === ROUNDS && i === 0) {
          mkdirSync(here('./results'), { recursive: true })
          writeFileSync(
            here('./results/staircase-n8.svg'),
            renderSvg(result.spans, `Lesson 01: 8 x GET /io?ms=${WAIT_MS}`),
          )
        }
      }
    }
    for (const [i, name] of Object.keys(servers).entries()) {
      const summary = summarize(latencies[i] ?? [])
      rows.push({
        server: name,
        n,
        wallMs: median(walls[i] ?? []),
        idealMs: n * WAIT_MS,
        p50: summary.p50,
        p99: summary.p99,
        maxConcurrent: overlap[i] ?? 0,
      })
    }
  }
} finally {
  await Promise.all(running.map((server) => server.stop()))
}

const anchorOf = (row: Row) =>
  rows.find((other) => other.n === row.n && other.server !== 'lesson 01')
console.log(
  `\n${ROUNDS} rounds per cell, median wall time; T = ${WAIT_MS} ms; ${cpus().length} cores, Node ${process.version}\n`,
)
console.log(
  'server               N   wall ms   ideal N*T   wall/ideal   p50 ms   p99 ms   max at once   vs anchor',
)
for (const row of rows) {
  const anchor = anchorOf(row)
  const versus =
    row.server === 'lesson 01' && anchor ? `${(anchor.wallMs / row.wallMs).toFixed(2)}x` : ''
  console.log(
    `${row.server.padEnd(19)} ${String(row.n).padStart(2)} ${row.wallMs.toFixed(0).padStart(9)} ${String(row.idealMs).padStart(11)} ${(row.wallMs / row.idealMs).toFixed(2).padStart(12)} ${row.p50.toFixed(0).padStart(8)} ${row.p99.toFixed(0).padStart(8)} ${String(row.maxConcurrent).padStart(13)} ${versus.padStart(11)}`,
  )
}
console.log(
  '\n"vs anchor" > 1.00 means the lesson\'s server finished the burst faster than node:http.',
)
mkdirSync(here('./results'), { recursive: true })
writeFileSync(
  here('./results/staircase.json'),
  `${JSON.stringify({ waitMs: WAIT_MS, rounds: ROUNDS, cores: cpus().length, node: process.version, rows }, null, 2)}\n`,
)
console.log('wrote bench/results/staircase.json and staircase-n8.svg')
