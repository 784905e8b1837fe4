// Every process the harness starts carries a mark in its environment, and so
// does every process *it* starts (a supervisor's workers inherit it). That is
// how a test finds a grandchild it never saw being born.
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'

export const HARNESS_MARK = 'COURSE_HARNESS_RUN'
export const harnessRunId = randomUUID()

const live = new Set<ChildProcess>()

export function track(child: ChildProcess): void {
  live.add(child)
}

export function untrack(child: ChildProcess): void {
  live.delete(child)
}

/** Children started by the harness that have not exited yet. */
export function liveChildren(): ChildProcess[] {
  return [...live]
}

/** Pids of every running process started under this harness, at any depth (Linux /proc). */
export function markedProcesses(): number[] {
  const mark = `${HARNESS_MARK}=${harnessRunId}`
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  const pids: number[] = []
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1')
      if (!environ.split('\0').includes(mark)) continue
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1')
      // A zombie has exited; only its parent's bookkeeping is left.
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue
      pids.push(Number(entry))
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids
}

/** The parent of a process, or 0 when it is gone (Linux /proc). */
export function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return 0
  }
}

/** Pids of the running children of `pid` started under this harness (a supervisor's workers). */
export function childrenOf(pid: number): number[] {
  return markedProcesses().filter((each) => parentOf(each) === pid)
}

/** Whether `pid` is one of `ancestors`, or a child, grandchild... of one. */
export function descendsFrom(pid: number, ancestors: ReadonlySet<number>): boolean {
  for (let current = pid; current > 1; current = parentOf(current)) {
    if (ancestors.has(current)) return true
  }
  return false
}
