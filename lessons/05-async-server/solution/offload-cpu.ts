// Exercise 4, cure two: hand the CPU work to another thread. The event loop
// only posts a message and awaits the reply, so it stays free for everyone;
// the work runs at full speed on a pool thread (lesson 02's ThreadPool), and
// a full queue refuses at once instead of piling up.
import { ThreadPool } from '@course/lesson-02-worker-pool/reference/thread-pool.ts'
import { cpuTaskFile } from '#threads'
import type { CpuOffload, CpuOffloadOptions } from '#types'

export function createCpuOffload({ threads, maxQueue }: CpuOffloadOptions): CpuOffload {
  const pool = new ThreadPool<number, number>({ filename: cpuTaskFile, threads, maxQueue })
  return {
    cpu: (units) => pool.run(units),
    ready: () => pool.ready(),
    close: () => pool.close(),
  }
}
