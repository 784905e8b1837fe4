// Exercise 6: Node's own loop. For each snippet in ../snippets/, the labels
// it prints, in the order Node prints them (see the chapter for why).
import type { Predictions } from '#types'

export const predictions: Predictions = {
  'sync-first': ['sync', 'nextTick', 'promise', 'timeout'],
  microtasks: ['nextTick 1', 'promise 1', 'queueMicrotask', 'promise 2', 'nextTick 2'],
  await: ['task starts', 'sync', 'task resumes', 'promise'],
  'in-io': ['readFile callback', 'nextTick', 'immediate', 'timeout'],
  'between-callbacks': ['immediate 1', 'nextTick', 'promise', 'immediate 2'],
  'timers-phase': ['timeout 1', 'immediate', 'timeout 2'],
  'blocked-timer': ['50 ms of sync work done', 'timeout of 10 ms'],
}
