// What a task can ask of its scheduler. A task is a generator; each `yield`
// hands the scheduler one of these effects and gives up the thread until the
// scheduler resumes it with the answer. Tasks make effects with the helpers
// below and hand them over with `yield*` (`yield* sleep(100)`), which gives
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
 * One question to the scheduler, used with `yield*`. It is the effect itself,
 * and its own iterator and iterator result: `yield*` calls `next()` twice on
 * it (once to get the effect, once with the answer), and each time gets this
 * same object back. One object per wait, where a generator helper costs a
 * generator frame, an effect and two results: waits are the loop's hot path.
 * The answer arrives as `unknown` (a generator's `next(value)` cannot be
 * typed per yield): here is where it gets its type back.
 *
 * A task may also `yield sleep(100)` without the star: the scheduler sees the
 * same effect, and the task gets the answer untyped, a little sooner (the
 * chapter's benchmark measures what `yield*` costs).
 */
abstract class Ask<T> implements Iterator<Effect, T, unknown> {
  [Symbol.iterator](): this {
    return this
  }

  /** Iterator result field: this effect at first, then the answer. */
  declare value: unknown

  constructor() {
    // Set here, not as a field initialiser: V8 runs a base class's field
    // initialisers slowly when a subclass calls super(), and this is the
    // hot path (measured: 10 ns more per wait, a fifth of a switch).
    this.value = undefined
  }

  /** Iterator result field, on the prototype: done once the value is the answer, not this effect. */
  get done(): boolean {
    return this.value !== this
  }

  next(answer?: unknown): IteratorResult<Effect, T> {
    // First call: hand out the effect (this); second: the answer, done.
    this.value = this.value === this ? answer : this
    return this as IteratorResult<Effect, T>
  }

  /** An error the scheduler throws in (a failed join, a cancellation) goes on to the task. */
  throw(error: unknown): IteratorResult<Effect, T> {
    throw error
  }

  return(value: T): IteratorResult<Effect, T> {
    return { done: true, value }
  }
}

class SleepAsk extends Ask<void> {
  // On the prototype, not in each object: one field less per wait.
  get type(): 'sleep' {
    return 'sleep'
  }
  constructor(readonly ms: number) {
    super()
  }
}

class NextAsk<T> extends Ask<T | undefined> {
  get type(): 'next' {
    return 'next'
  }
  constructor(readonly source: Waitable) {
    super()
  }
}

class SpawnAsk<T> extends Ask<Task<T>> {
  get type(): 'spawn' {
    return 'spawn'
  }
  constructor(
    readonly program: Program,
    readonly name: string,
  ) {
    super()
  }
}

class JoinAsk<T> extends Ask<T> {
  get type(): 'join' {
    return 'join'
  }
  constructor(readonly task: Task<T>) {
    super()
  }
}

class CancelAsk extends Ask<void> {
  get type(): 'cancel' {
    return 'cancel'
  }
  constructor(readonly task: Task) {
    super()
  }
}

/** Wait `ms` milliseconds of the scheduler's clock. */
export function sleep(ms: number): SleepAsk {
  return new SleepAsk(ms)
}

/** The next item of `source`; `undefined` once it is closed and empty. */
export function next<T>(source: Source<T>): NextAsk<T> {
  return new NextAsk(source)
}

/** Start another task; this one carries on at once. */
export function spawn<T>(program: Program<T>, name = 'task'): SpawnAsk<T> {
  return new SpawnAsk(program, name)
}

/** Wait for `task` to finish: its value, or its error thrown here. */
export function join<T>(task: Task<T>): JoinAsk<T> {
  return new JoinAsk(task)
}

/** Throw a Cancelled into `task` where it waits, so its `finally` blocks run. */
export function cancel(task: Task): CancelAsk {
  return new CancelAsk(task)
}

/** What a cancelled task sees thrown at its `yield`. */
export class Cancelled extends Error {
  override name = 'Cancelled'
}
