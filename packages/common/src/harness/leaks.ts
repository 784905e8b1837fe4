// After each test: no server process (or grandchild), socket, server handle or
// timer may outlive it. A leak is reported, then cleaned up, so one leaky test
// does not break the next one. Servers shared by a whole file (started in
// beforeAll) are part of the baseline, and are checked once the file ends.
import { readdirSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { descendsFrom, liveChildren, markedProcesses } from './processes.ts'

const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout', 'ProcessWrap']

function countResources(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const name of process.getActiveResourcesInfo()) {
    if (WATCHED.includes(name)) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return counts
}

/** OS threads of this process (Linux); a worker thread that outlives its test shows here. */
function threadCount(): number {
  try {
    return readdirSync('/proc/self/task').length
  } catch {
    return 0
  }
}

interface Baseline {
  resources: Map<string, number>
  processes: Set<number>
  threads: number
}

function leaksSince(baseline: Baseline): string[] {
  const after = countResources()
  const handles = WATCHED.filter(
    (name) => (after.get(name) ?? 0) > (baseline.resources.get(name) ?? 0),
  ).map((name) => `${(after.get(name) ?? 0) - (baseline.resources.get(name) ?? 0)} x ${name}`)
  // A worker that a long-lived server started during the test (to replace one) is the server's own.
  const processes = markedProcesses().filter((pid) => !descendsFrom(pid, baseline.processes))
  const threads = threadCount() - baseline.threads
  return [
    ...(processes.length ? [`processes still running: ${processes.join(', ')}`] : []),
    ...(threads > 0
      ? [`${threads} more threads than before the test (a worker thread not terminated?)`]
      : []),
    ...(handles.length ? [`handles still open in the test process: ${handles.join(', ')}`] : []),
  ]
}

async function settle(baseline: Baseline, settleMs: number): Promise<string[]> {
  // Sockets and exiting processes need a moment to be torn down.
  const deadline = Date.now() + settleMs
  let problems = leaksSince(baseline)
  while (problems.length > 0 && Date.now() < deadline) {
    await delay(25)
    problems = leaksSince(baseline)
  }
  return problems
}

function killAll(except: Set<number>): void {
  for (const child of liveChildren()) if (!except.has(child.pid ?? -1)) child.kill('SIGKILL')
  for (const pid of markedProcesses()) {
    if (descendsFrom(pid, except)) continue
    try {
      process.kill(pid, 'SIGKILL')
    } catch {}
  }
}

/** Registers the leak checks of the calling test file. Call it before starting any server. */
export function checkLeaksAfterEach({ settleMs = 2_000 } = {}): void {
  let empty: Baseline = {
    resources: countResources(),
    processes: new Set(),
    threads: threadCount(),
  }
  let baseline = empty
  beforeAll(async () => {
    // libuv starts its thread pool on first use: start it now, so it is part of the baseline.
    await stat('.')
    empty = { resources: countResources(), processes: new Set(), threads: threadCount() }
  })
  beforeEach(() => {
    baseline = {
      resources: countResources(),
      processes: new Set(markedProcesses()),
      threads: threadCount(),
    }
  })
  afterEach(async () => {
    const problems = await settle(baseline, settleMs)
    if (problems.length === 0) return
    killAll(baseline.processes)
    throw new Error(`The test leaked:\n  ${problems.join('\n  ')}`)
  })
  afterAll(async () => {
    const problems = await settle(empty, settleMs)
    killAll(new Set())
    if (problems.length) throw new Error(`The test file leaked:\n  ${problems.join('\n  ')}`)
  })
}
