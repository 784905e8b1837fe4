// What the tests of exercises 1 to 3 share: the worker processes of a pool, seen
// from outside.
import { readFileSync } from 'node:fs'
import { childrenOf, type ServerProcess } from '@course/common/harness'
import { burst } from '@course/common/load'
import { workersSeen } from '@course/common/timeline'

/** Pids of a pool's worker processes: the children of its supervisor that run the worker file. */
export const workerProcesses = (server: ServerProcess): number[] =>
  childrenOf(server.pid).filter((pid) => commandOf(pid).includes('process-worker'))

/** A process's command line (Linux /proc); the loader's own helper processes are children too. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1')
  } catch {
    return ''
  }
}

/** Worker pids seen answering a burst of /whoami (3 per worker reach every one). */
export async function workerPids(server: ServerProcess, workers: number): Promise<number[]> {
  const { spans } = await burst(server.baseUrl, { path: '/whoami', n: workers * 3 })
  return workersSeen(spans).map((name) => Number(name.split('/')[0]))
}
