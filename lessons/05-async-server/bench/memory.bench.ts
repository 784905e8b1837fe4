// Lesson 05 benchmark: what a waiting request costs an async server. C =
// 1000 requests of GET /io?ms=4000 are held in flight at once; the server's
// resident memory then, less its memory idle, shared among the requests in
// flight at that instant (from the servers' own timestamps), is the cost of
// one. Beside it, in the same run: what a thread and a process cost, which is
// what a waiting request costs a thread pool or a pre-fork server (lesson 02).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import {
  benchSettings,
  describeMachine,
  interleavedRounds,
  machineLine,
  markdownTable,
} from '@course/common/bench'
import type { ServerProcess } from '@course/common/harness'
import { burst } from '@course/common/load'
import { median } from '@course/common/stats'
import { served } from '@course/common/timeline'
import { contenders } from './contenders.ts'

const IN_FLIGHT = 1000
const WAIT_MS = 4000
/** When to read the memory: late enough for every connection to be in, early enough that none has ended. */
const SAMPLE_AT_MS = 3000
const HELD = 8
const { rounds } = benchSettings({ rounds: 3, warmups: 0, seconds: 0 })

/** Resident memory of a process, in KiB (Linux /proc). */
function rssKiB(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
}

async function perRequestKiB(server: ServerProcess): Promise<number> {
  // Warm up: the JIT's code and the first buffers are no request's cost.
  for (let i = 0; i < 3; i++) await burst(server.baseUrl, { path: '/io?ms=1', n: 100 })
  await delay(200)
  const idle = rssKiB(server.pid)
  const sampledAt = performance.timeOrigin + performance.now() + SAMPLE_AT_MS
  const held = burst(server.baseUrl, { path: `/io?ms=${WAIT_MS}`, n: IN_FLIGHT })
  await delay(SAMPLE_AT_MS)
  const during = rssKiB(server.pid)
  const { spans } = await held
  const inFlight = served(spans).filter(
    (span) => span.server.started <= sampledAt && span.server.ended >= sampledAt,
  ).length
  return (during - idle) / Math.max(1, inFlight)
}

const started = await Promise.all(contenders.map((contender) => contender.start(0)))
try {
  const samples = await interleavedRounds(started, ({ handle }) => perRequestKiB(handle), {
    rounds,
  })

  // A process on its own, and a thread: both idle, as a worker waiting on a request is.
  const processes = Array.from({ length: HELD }, () =>
    spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' }),
  )
  await delay(1_000)
  const processKiB = median(processes.map((child) => rssKiB(child.pid ?? 'self')))
  for (const child of processes) child.kill()
  const before = rssKiB()
  const threads = Array.from(
    { length: HELD },
    () => new Worker('setInterval(() => {}, 1e9)', { eval: true }),
  )
  await delay(1_000)
  const threadKiB = (rssKiB() - before) / HELD
  await Promise.all(threads.map((thread) => thread.terminate()))

  const anchorKiB = median(samples[0] ?? [])
  const rows = contenders.map((contender, i) => {
    const kib = median(samples[i] ?? [])
    return [contender.name, kib.toFixed(1), i === 0 ? '' : `${(kib / anchorKiB).toFixed(2)}×`]
  })
  rows.push(
    ['a thread (idle)', threadKiB.toFixed(0), ''],
    ['a process (idle)', processKiB.toFixed(0), ''],
  )
  console.log(
    `\nMemory per request in flight (C = ${IN_FLIGHT}, median of ${rounds} round${rounds > 1 ? 's' : ''}); ${machineLine(describeMachine())}\n`,
  )
  console.log(markdownTable(['what waits', 'KiB each', 'vs node:http'], rows))
  console.log(
    `\nA waiting request costs one async server ${(threadKiB / anchorKiB).toFixed(0)}x less than a thread and ${(processKiB / anchorKiB).toFixed(0)}x less than a process.`,
  )
} finally {
  await Promise.all(started.map((each) => each.stop()))
}
