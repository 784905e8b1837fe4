// What a task can ask of its scheduler. A task is a generator; each `yield`
// hands the scheduler one of these effects and gives up the thread until the
// scheduler resumes it with the answer. Tasks never yield effects by hand:
// they call the helpers below with `yield*` (`yield* sleep(100)`), which gives
// each answer its type.
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

/**
 * One question to the scheduler, used with `yield*`: it yields its effect,
 * then returns whatever the scheduler answered. This is exactly what
 * `yield*` asks of any iterator, so it needs no generator of its own: a
 * parked task holds this small object instead of a second generator frame.
 * The answer arrives as `unknown` (a generator's `next(value)` cannot be
 * typed per yield): this is the one place where it gets its type back.
 */
class Ask<T> implements IterableIterator<Effect, T, unknown> {
  #asked = false

  constructor(readonly effect: Effect) {}

  [Symbol.iterator](): this {
    return this
  }

  next(answer?: unknown): IteratorResult<Effect, T> {
    if (this.#asked) return { done: true, value: answer as T }
    this.#asked = true
    return { done: false, value: this.effect }
  }

  /** An error the scheduler throws in (a failed join, a cancellation) goes on to the task. */
  throw(error: unknown): IteratorResult<Effect, T> {
    throw error
  }

  return(value: T): IteratorResult<Effect, T> {
    return { done: true, value }
  }
}

/** Wait `ms` milliseconds of the scheduler's clock. */
export function sleep(ms: number): Ask<void> {
  return new Ask({ type: 'sleep', ms })
}

/** The next item of `source`; `undefined` once it is closed and empty. */
export function next<T>(source: Source<T>): Ask<T | undefined> {
  return new Ask({ type: 'next', source })
}

/** Start another task; this one carries on at once. */
export function spawn<T>(program: Program<T>, name = 'task'): Ask<Task<T>> {
  return new Ask({ type: 'spawn', program, name })
}

/** Wait for `task` to finish: its value, or its error thrown here. */
export function join<T>(task: Task<T>): Ask<T> {
  return new Ask({ type: 'join', task })
}

/** Throw a Cancelled into `task` where it waits, so its `finally` blocks run. */
export function cancel(task: Task): Ask<void> {
  return new Ask({ type: 'cancel', task })
}

/** What a cancelled task sees thrown at its `yield`. */
export class Cancelled extends Error {
  override name = 'Cancelled'
}
