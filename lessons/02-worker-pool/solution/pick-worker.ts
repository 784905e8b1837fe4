// Exercise 2: which worker gets the next connection. Only a free one: a worker
// serves one connection at a time, so a connection handed to a busy worker
// waits behind its request while other workers may sit idle. Of the free
// ones, the one free longest, so that the work goes round all of them.
import type { WorkerState } from '#types'

/** The free worker that has waited longest, or none: then the connection waits in the supervisor. */
export function pickWorker<Worker extends WorkerState>(
  workers: Iterable<Worker>,
): Worker | undefined {
  let longest: Worker | undefined
  for (const worker of workers) {
    const free = worker.ready && !worker.retiring && worker.busy === 0
    if (free && (!longest || worker.lastConnection < longest.lastConnection)) longest = worker
  }
  return longest
}
