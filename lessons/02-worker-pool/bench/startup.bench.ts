// What a worker costs before it does any work: the time to start one and the
// memory it holds, for a process (fork) and for a thread (worker_threads).
// Both run a plain .mjs file that does nothing, without the TypeScript loader
// this script runs under, so the figures are Node's own.
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  benchSettings,
  describeMachine,
  interleavedRounds,
  machineLine,
} from '@course/common/bench'
import { median } from '@course/common/stats'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const { rounds: STARTS } = benchSettings({ rounds: 10, warmups: 0, seconds: 0 })
const machine = describeMachine()
const HELD = 8

/** Resident memory of a process, in MiB (Linux /proc). */
function rssMiB(pid: number | string = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

async function startProcess() {
  const started = performance.now()
  const child = fork(here('./fixtures/idle-process.mjs'), { execArgv: [] })
  await new Promise((resolve) => child.once('message', resolve))
  return { ms: performance.now() - started, child, stop: async () => void child.disconnect() }
}

async function startThread() {
  const started = performance.now()
  const worker = new Worker(here('./fixtures/idle-thread.mjs'), { execArgv: [] })
  await new Promise((resolve) => worker.once('message', resolve))
  return {
    ms: performance.now() - started,
    worker,
    stop: async () => void (await worker.terminate()),
  }
}

// Process and thread take turns, so a noisy moment slows both alike.
const [processMs = [], threadMs = []] = await interleavedRounds(
  [startProcess, startThread],
  async (start) => {
    const started = await start()
    await started.stop()
    return started.ms
  },
  { rounds: STARTS },
)

// Memory: hold HELD of each at once. A process has its own RSS; a thread's
// cost is what its V8 isolate and stack add to ours.
const processes = await Promise.all(Array.from({ length: HELD }, startProcess))
const processMiB = median(processes.map(({ child }) => rssMiB(child.pid ?? 'self')))
for (const { child } of processes) child.disconnect()
const before = rssMiB()
const threads = await Promise.all(Array.from({ length: HELD }, startThread))
const threadMiB = (rssMiB() - before) / HELD
await Promise.all(threads.map(({ worker }) => worker.terminate()))

const row = (name: string, ms: number, mib: number) =>
  `${name.padEnd(8)} ${ms.toFixed(1).padStart(12)} ${mib.toFixed(1).padStart(13)}`
console.log(
  `\nStart-up (median of ${STARTS}) and memory (median of ${HELD} held at once); ${machineLine(machine)}\n`,
)
console.log('worker   start-up ms   memory MiB')
console.log(row('process', median(processMs), processMiB))
console.log(row('thread', median(threadMs), threadMiB))
console.log(
  `\nA process costs ${(median(processMs) / median(threadMs)).toFixed(1)}x a thread's start-up and ${(processMiB / threadMiB).toFixed(1)}x its memory.`,
)
