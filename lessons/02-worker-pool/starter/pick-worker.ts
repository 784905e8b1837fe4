// Exercise 2: hand each connection to the worker free longest.
//
// A worker serves one connection at a time. Hand a connection to a busy one
// and it waits behind that worker's request, however long, while other
// workers may sit idle; gunicorn's sync workers avoid this by accepting only
// when they are free. So: only a free worker gets a connection (ready, not
// retiring, busy === 0), and if none is free, return undefined: the
// connection waits in the supervisor until a 'done' frees one. Of several
// free workers, pick the one whose last connection is oldest
// (lastConnection), so that the work goes round all of them.
//
// Until you write it, every connection goes to the first worker that is
// ready, busy or not: the pool serves (exercise 1 passes), but one worker does
// all the work and a slow request holds up everyone dealt to it.
//
// Run: pnpm course test pick-worker     Stuck: pnpm course hint pick-worker
import type { WorkerState } from '#types'

export function pickWorker<Worker extends WorkerState>(
  workers: Iterable<Worker>,
): Worker | undefined {
  for (const worker of workers) if (worker.ready && !worker.retiring) return worker
  return undefined
}
