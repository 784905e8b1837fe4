import { threadId } from 'node:worker_threads'

/**
 * Milliseconds since the Unix epoch, with sub-millisecond precision. Unlike
 * `performance.now()` it can be compared across processes, which is what lets
 * a client line up timestamps taken inside several server processes.
 */
export function now(): number {
  return performance.timeOrigin + performance.now()
}

/** Who is running this code: "pid/thread", as the timeline and /whoami show it. */
export function workerName(): string {
  return `${process.pid}/${threadId}`
}
