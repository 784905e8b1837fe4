import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

const bootstrap = fileURLToPath(new URL('./thread-bootstrap.mjs', import.meta.url))

/**
 * Starts a worker thread on a TypeScript file. Node 20 does not lend a
 * thread the main thread's loader, so the thread starts from a small .mjs
 * file that registers tsx first (which costs a few hundred milliseconds per
 * thread: fine for a pool started once, and why start-up is measured apart).
 */
export function startThread(entry: string, workerData: Record<string, unknown> = {}): Worker {
  return new Worker(bootstrap, { workerData: { ...workerData, entry } })
}
