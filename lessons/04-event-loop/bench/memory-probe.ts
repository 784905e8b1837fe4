// One memory figure, measured on a fresh heap in a process of its own. In
// one process after the switch rounds, V8 once laid a LoopTask's fields
// outside the object (a separate array: 16 to 24 bytes more a task) where a fresh
// process keeps them inside: what ran before changed the figure. So each
// figure gets a new process, and the benchmark quotes the same thing every run.
//
// Run by the benchmark as: tsx bench/memory-probe.ts <probe> <n>
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/scheduler.ts'
import { nativeBytesPerTask, schedulerBytesPerTask } from './parked-memory.ts'

export const probes = {
  'native, one shared promise': (n: number) => nativeBytesPerTask(n, false),
  'native, own setTimeout': (n: number) => nativeBytesPerTask(n, true),
  'scheduler, yield': async (n: number) =>
    schedulerBytesPerTask((await scheduler()).Scheduler, n, 'yield'),
  'scheduler, yield*': async (n: number) =>
    schedulerBytesPerTask((await scheduler()).Scheduler, n, 'yield*'),
} satisfies Record<string, (n: number) => Promise<number>>

export type Probe = keyof typeof probes

function scheduler(): Promise<typeof Reference> {
  return impl.load<typeof Reference>('scheduler.ts')
}

const self = fileURLToPath(import.meta.url)

/** Bytes per task, from a new Node process with this one's flags (tsx's loader among them). */
export async function probeInFreshProcess(probe: Probe, n: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    ...process.execArgv,
    self,
    probe,
    String(n),
  ])
  return Number(stdout.trim())
}

if (process.argv[1] === self) {
  const [probe, n] = process.argv.slice(2)
  if (!(probe && probe in probes)) throw new Error(`unknown probe "${probe}"`)
  console.log(await probes[probe as Probe](Number(n)))
}
