// An event source: where tasks wait for things that happen outside them (a
// connection accepted, bytes received) or that another task sends. It plays
// the part of a file descriptor in libuv's poll phase: the scheduler parks a
// task on it, and whoever pushes an item wakes the first task waiting.

/** Called with the item a parked task was waiting for; `undefined` when the source closed. */
export type Waiter<T> = (item: T | undefined) => void

export interface SourceOptions {
  /**
   * Fed from outside the loop (by Node's I/O callbacks). While such a source
   * is open, a task waiting on it may still run, so the loop must not end.
   */
  external?: boolean
}

/** What the scheduler sees of a source, whatever its items' type. */
export interface Waitable {
  readonly name: string
  readonly live: boolean
  take(): { item: unknown } | undefined
  wait(waiter: Waiter<unknown>): void
  unwait(waiter: Waiter<unknown>): void
}

export class Source<T> implements Waitable {
  readonly #items: T[] = []
  readonly #waiters: Waiter<T>[] = []
  #closed = false

  constructor(
    readonly name: string,
    readonly options: SourceOptions = {},
  ) {}

  /** Can anything still arrive from outside the loop? */
  get live(): boolean {
    return this.options.external === true && !this.#closed
  }

  get closed(): boolean {
    return this.#closed
  }

  /** Hands `item` to the first task waiting, or keeps it for the next one who asks. */
  push(item: T): void {
    if (this.#closed) return
    const waiter = this.#waiters.shift()
    if (waiter) waiter(item)
    else this.#items.push(item)
  }

  /** Nothing more will come: every task waiting gets `undefined`. */
  close(): void {
    this.#closed = true
    for (const waiter of this.#waiters.splice(0)) waiter(undefined)
  }

  /** For the scheduler: an item at once, `{ item: undefined }` if closed and empty, or nothing (wait). */
  take(): { item: T | undefined } | undefined {
    if (this.#items.length > 0) return { item: this.#items.shift() }
    if (this.#closed) return { item: undefined }
    return undefined
  }

  /** For the scheduler: parks a waiter, called once with the next item. */
  wait(waiter: Waiter<T>): void {
    this.#waiters.push(waiter)
  }

  /** For the scheduler: takes a waiter back (its task was cancelled). */
  unwait(waiter: Waiter<T>): void {
    const at = this.#waiters.indexOf(waiter)
    if (at !== -1) this.#waiters.splice(at, 1)
  }
}
