// Where a scheduler gets its time, and how it waits when no task is ready.
// The same scheduler runs on either clock: the virtual one makes every unit
// test exact and instant, the real one serves connections.

export interface Clock {
  /** Milliseconds, from any fixed origin. */
  now(): number
  /**
   * No task is ready: return at `deadline` (the next timer), or sooner if
   * woken; with no deadline, only when woken. `undefined` means "done already".
   */
  idle(deadline: number | undefined): Promise<void> | undefined
  /** Something outside the loop (an I/O callback) made a task ready: end idle() now. */
  wake(): void
  /** Between two turns: give the host a chance to deliver I/O. `undefined`: nothing to deliver. */
  poll(): Promise<void> | undefined
}

/**
 * Time that moves only when the loop has nothing to do, and then jumps
 * straight to the next deadline: a test of ten-minute sleeps takes no time,
 * and gives the same result on every run and every machine.
 */
export class VirtualClock implements Clock {
  #time: number

  constructor(start = 0) {
    this.#time = start
  }

  now(): number {
    return this.#time
  }

  idle(deadline: number | undefined): undefined {
    if (deadline === undefined) {
      throw new Error(
        'A virtual clock cannot wait for the outside world: no event source may be external',
      )
    }
    this.#time = Math.max(this.#time, deadline)
    return undefined
  }

  wake(): void {}

  poll(): undefined {
    return undefined
  }
}

/**
 * Real time, on top of Node's own loop: while our loop is idle, Node's runs,
 * delivers I/O (whose callbacks push into our sources and wake us) and fires
 * the one timer we set for our next deadline. libuv does the waiting for us.
 */
export class RealClock implements Clock {
  #wakeUp: (() => void) | undefined
  #polled = performance.now()
  /** Busy turns between two clock reads, and how many are left before the next read. */
  #stride = 1
  #turnsLeft = 1
  #lastRead = performance.now()

  now(): number {
    return performance.now()
  }

  idle(deadline: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer =
        deadline === undefined
          ? undefined
          : setTimeout(() => this.wake(), Math.max(0, deadline - this.now()))
      this.#wakeUp = () => {
        clearTimeout(timer)
        this.#wakeUp = undefined
        resolve()
      }
    })
  }

  wake(): void {
    this.#wakeUp?.()
  }

  /**
   * Hands the thread to Node (a setImmediate) about once a millisecond of
   * busy turns: often enough for I/O, rarely enough that a turn costs little.
   * A clock read costs as much as a switch, so while turns are short the
   * clock is read only every few turns (up to MAX_STRIDE); a stretch of long
   * turns brings it back to every turn.
   */
  poll(): Promise<void> | undefined {
    if (--this.#turnsLeft > 0) return undefined
    const now = performance.now()
    this.#stride = now - this.#lastRead < 1 ? Math.min(2 * this.#stride, MAX_STRIDE) : 1
    this.#turnsLeft = this.#stride
    this.#lastRead = now
    if (now - this.#polled < 1) return undefined
    return new Promise((resolve) =>
      setImmediate(() => {
        this.#polled = performance.now()
        resolve()
      }),
    )
  }
}

/** At most this many busy turns between two clock reads. */
const MAX_STRIDE = 16
