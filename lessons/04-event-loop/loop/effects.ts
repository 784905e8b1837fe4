// What a task can ask of its scheduler. A task is a generator; each `yield`
// hands the scheduler one of these effects and gives up the thread until the
// scheduler resumes it with the answer. Tasks never yield effects by hand:
// they call the helpers below with `yield*`, which gives each answer its type.
import type { Source, Waitable } from './source.ts'

/** A task's code: a generator that yields effects and returns a T. */
export type Program<T = unknown> = Generator<Effect, T, unknown>

/** How a task ended: what it returned, or what it threw. */
export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; error: unknown }

/** A running task, as its scheduler hands it out. */
export interface Task<T = unknown> {
  readonly id: number
  readonly name: string
  /** Set once the task has finished. */
  readonly outcome: Outcome<T> | undefined
}

export type Effect =
  | { type: 'sleep'; ms: number }
  | { type: 'next'; source: Waitable }
  | { type: 'spawn'; program: Program; name: string }
  | { type: 'join'; task: Task }
  | { type: 'cancel'; task: Task }

// Each helper yields one effect and returns what the scheduler answered. The
// answer arrives as `unknown` (a generator's `next(value)` cannot be typed per
// yield); these few casts are the one place where it gets its type back.

/** Wait `ms` milliseconds of the scheduler's clock. */
export function* sleep(ms: number): Generator<Effect, void, unknown> {
  yield { type: 'sleep', ms }
}

/** The next item of `source`; `undefined` once it is closed and empty. */
export function* next<T>(source: Source<T>): Generator<Effect, T | undefined, unknown> {
  return (yield { type: 'next', source }) as T | undefined
}

/** Start another task; this one carries on at once. */
export function* spawn<T>(program: Program<T>, name = 'task'): Generator<Effect, Task<T>, unknown> {
  return (yield { type: 'spawn', program, name }) as Task<T>
}

/** Wait for `task` to finish: its value, or its error thrown here. */
export function* join<T>(task: Task<T>): Generator<Effect, T, unknown> {
  return (yield { type: 'join', task }) as T
}

/** Throw a Cancelled into `task` where it waits, so its `finally` blocks run. */
export function* cancel(task: Task): Generator<Effect, void, unknown> {
  yield { type: 'cancel', task }
}

/** What a cancelled task sees thrown at its `yield`. */
export class Cancelled extends Error {
  override name = 'Cancelled'
}
