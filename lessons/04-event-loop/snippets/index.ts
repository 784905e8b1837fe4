// The snippets of exercise 6, and why each prints in the order it does. The
// test runs each one with `node` and checks your prediction against it; when
// you are wrong, it shows you Node's order and the reason below.
import { fileURLToPath } from 'node:url'

export interface Snippet {
  id: string
  /** What it shows, in a few words. */
  title: string
  /** Why Node prints it in this order: the loop's phases and its microtask queues. */
  why: string
}

export const SNIPPETS: Snippet[] = [
  {
    id: 'sync-first',
    title: 'sync code, nextTick, a promise and setTimeout(0)',
    why: 'Synchronous code runs to its end first: nothing interrupts it. Then, before the loop starts, Node empties the nextTick queue, then the promise (microtask) queue. Only then does the loop begin, and its first phase runs due timers.',
  },
  {
    id: 'microtasks',
    title: 'nextTick and microtasks queued by each other',
    why: 'Between two callbacks Node empties the nextTick queue, then the whole microtask queue (promise reactions and queueMicrotask, in the order queued, including ones queued meanwhile), then looks at nextTick again. So a nextTick queued from a promise reaction waits until the microtask queue is empty.',
  },
  {
    id: 'await',
    title: 'an async function and a promise reaction',
    why: 'An async function runs synchronously up to its first await. `await null` parks the rest of the function as a promise reaction, queued before the `.then` written after the call: microtasks run in the order they were queued.',
  },
  {
    id: 'in-io',
    title: 'setTimeout(0) and setImmediate inside an I/O callback',
    why: 'An I/O callback runs in the poll phase. After poll comes the check phase (setImmediate), and only on the next turn of the loop the timers phase: inside an I/O callback, setImmediate always runs before setTimeout(0). (The nextTick runs first of all, as soon as the callback returns.)',
  },
  {
    id: 'between-callbacks',
    title: 'microtasks between two setImmediate callbacks',
    why: "Since Node 11 the nextTick and microtask queues are emptied after every single callback, not after each phase: the first immediate's nextTick and promise run before the second immediate.",
  },
  {
    id: 'timers-phase',
    title: 'setTimeout(0) and setImmediate inside a timer',
    why: 'A timer callback runs in the timers phase. A timer it sets now is due one turn later at the earliest (setTimeout(0) means 1 ms); the check phase of this same turn comes first, so the immediate wins.',
  },
  {
    id: 'blocked-timer',
    title: 'a timer behind synchronous work',
    why: 'A timer is a lower bound, not a promise: its callback can only run once the thread is free. The 50 ms loop holds the thread, so the 10 ms timer fires after it, about 40 ms late. This is what a CPU-bound request does to every other request of an async server.',
  },
]

/** The snippet's file, to run with `node`. */
export function snippetFile(id: string): string {
  return fileURLToPath(new URL(`./${id}.cjs`, import.meta.url))
}
