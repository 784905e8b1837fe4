// Exercise 4, cure two: hand the CPU work to another thread. The event loop
// only posts a message and awaits the reply, so it stays free for everyone;
// the work runs at full speed on a pool thread (lesson 02's ThreadPool), and
// a full queue refuses at once instead of piling up: the client gets a 503
// with Retry-After, as from lesson 02's threaded server.
import { QueueFullError } from '@course/lesson-02-worker-pool/errors.ts'
import { ThreadPool } from '@course/lesson-02-worker-pool/reference/thread-pool.ts'
import createHttpError from 'http-errors'
import { cpuTaskFile } from '#threads'
import type { CpuOffload, CpuOffloadOptions } from '#types'

export function createCpuOffload({ threads, maxQueue }: CpuOffloadOptions): CpuOffload {
  const pool = new ThreadPool<number, number>({ filename: cpuTaskFile, threads, maxQueue })
  return {
    cpu: (units) => pool.run(units).catch(refuseWhenFull),
    ready: () => pool.ready(),
    close: () => pool.close(),
  }
}

/** A full queue is not a failure of the server but a "not now": 503, and when to come back. */
function refuseWhenFull(error: unknown): never {
  if (!(error instanceof QueueFullError)) throw error
  throw createHttpError(503, `${error.message}: try again later`, {
    headers: { 'retry-after': '1' },
    // http-errors hides a 5xx's message by default; this one is meant for the client.
    expose: true,
  })
}
