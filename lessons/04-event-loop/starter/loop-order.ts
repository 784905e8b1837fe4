// Exercise 6: Node's own loop. Each file in lessons/04-event-loop/snippets/
// prints a few labels from synchronous code, process.nextTick, promise
// reactions, queueMicrotask, setTimeout, setImmediate and an I/O callback.
// Read each snippet (do not run it yet!) and write the labels in the order
// you expect Node to print them. The test runs every snippet with node and
// explains each difference by the loop's phases (timers, pending, poll,
// check, close) and the queues emptied between callbacks.
//
// Run: pnpm course test loop-order     Stuck: pnpm course hint loop-order
import type { Predictions } from '#types'

export const predictions: Predictions = {
  'sync-first': [],
  microtasks: [],
  await: [],
  'in-io': [],
  'between-callbacks': [],
  'timers-phase': [],
  'blocked-timer': [],
}
