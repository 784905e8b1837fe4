// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
// What tasks yield and where they wait (effects, sources, clocks) is given to
// you in loop/.
import type { Server } from 'node:net'
import type { Effect, Program, Task } from '#loop'

/** Exercise 1 (coroutines.ts): what a paused task is resumed with. */
export type Resumption = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown }

/** Exercise 1: what a task did when it was resumed, up to its next pause or its end. */
export type Step<T> =
  | { kind: 'yielded'; effect: Effect }
  | { kind: 'returned'; value: T }
  | { kind: 'threw'; error: unknown }

/**
 * Exercise 2 (timer-heap.ts): what the heap holds. The heap's entry lives in
 * the timer itself (libuv's heap does the same): the heap sets `seq`, which
 * orders timers with the same deadline, and keeps `heapIndex`, where the
 * timer sits in its array (-1 when it is in no heap), so that a timer can be
 * taken out from the middle.
 */
export interface Timer {
  deadline: number
  seq: number
  heapIndex: number
}

/** Exercise 3 (scheduler.ts): what the loop says when it ends. */
export interface RunReport {
  /** The clock's time when the loop ended. */
  endedAt: number
  /** Tasks still waiting when the loop ended: nothing could ever wake them. */
  stuck: Array<{ task: Task; waitingFor: string }>
}

/** Exercise 4 (loop-server.ts). */
export type CreateLoopServer = () => Server

/** Exercise 5 (drive.ts): a generator that yields promises (or plain values) and returns a T. */
export type PromiseProgram<T> = Generator<unknown, T, unknown>

/** Exercise 6 (loop-order.ts): each snippet's labels, in the order you predict they print. */
export type Predictions = Record<string, string[]>

export type { Program }
