// Exercise 3: the loop. One thread runs many tasks by taking turns: each
// task runs until it says what it waits for (a yielded effect), and the loop
// parks it there and runs the next one. Nothing can interrupt a task: it
// gives the thread back at its `yield`, or never.
//
//   each turn:  due timers --> ready queue --> run each task ready at the turn's start, in order
//               nothing ready?  idle until the next timer, or until a source is pushed from outside
//               nothing ready, no timer, no live source: the loop ends
import {
  Cancelled,
  type Clock,
  type Effect,
  type Outcome,
  type Program,
  type Task,
  type Waiter,
} from '#loop'
import type { Resumption, RunReport, Timer } from '#types'
import { TimerHeap } from './timer-heap.ts'

/** Answers are immutable: the common ones are shared, not allocated per switch. */
const NOTHING: Resumption = { kind: 'value', value: undefined }
const ok = (value: unknown): Resumption =>
  value === undefined ? NOTHING : { kind: 'value', value }

/**
 * What a sleeping task is parked on. Its own timer says when it wakes, so its
 * sleep effect is not kept: a task that yields it without the star then holds
 * no reference to it either, and it is collected (48 bytes less per sleeper).
 */
const ON_TIMER: Effect = { type: 'sleep', ms: Number.NaN }

class LoopTask<T = unknown> implements Task<T>, Timer {
  outcome: Outcome<T> | undefined
  /** What it is resumed with when its turn comes. */
  resumption = NOTHING
  /** The effect it is parked on; undefined while ready or running. */
  parkedOn: Effect | undefined
  /** A sleeping task is its own timer: the heap holds the task, with no entry made for it. */
  deadline = 0
  seq = 0
  heapIndex = -1
  /** What a source calls with its item: made once per task, not once per wait. */
  onItem: Waiter<unknown> | undefined
  /** Waits on a source fed from outside (see Scheduler.#liveWaits). */
  live = false
  /** Tasks waiting for its end, created by the first join. */
  joiners: LoopTask[] | undefined
  /** Its neighbours in the scheduler's list of unfinished tasks. */
  older: LoopTask | undefined
  newer: LoopTask | undefined

  constructor(
    readonly id: number,
    readonly name: string,
    readonly program: Program<T>,
  ) {}
}

export class Scheduler {
  readonly #clock: Clock
  #ready: LoopTask[] = []
  /** Last turn's array, emptied, to be the next turn's ready queue: no allocation per turn. */
  #spare: LoopTask[] = []
  readonly #timers = new TimerHeap<LoopTask>()
  /**
   * The newest of the tasks not finished yet, linked through the tasks
   * themselves (as libuv links its handles): no table entry per task. Those
   * still parked when the loop ends are stuck.
   */
  #newest: LoopTask | undefined
  /** Tasks waiting on a source fed from outside: while there is one, the loop idles instead of ending. */
  #liveWaits = 0
  #nextId = 1

  constructor(clock: Clock) {
    this.#clock = clock
  }

  now(): number {
    return this.#clock.now()
  }

  /** Adds a task to the end of the ready queue. */
  spawn<T>(program: Program<T>, name = 'task'): Task<T> {
    const task = new LoopTask(this.#nextId++, name, program)
    this.#link(task)
    this.#ready.push(task)
    this.#clock.wake()
    return task
  }

  /** Throws a Cancelled into `task` at its `yield`, on its next turn. */
  cancel(task: Task): void {
    if (!(task instanceof LoopTask) || task.outcome) return
    // A task already in the ready queue gets the cancellation instead of its answer.
    const parked = task.parkedOn !== undefined
    this.#unpark(task)
    task.resumption = { kind: 'error', error: new Cancelled(`${task.name} was cancelled`) }
    if (parked) this.#makeReady(task)
  }

  /** Runs until no task can ever run again. */
  async run(): Promise<RunReport> {
    // The turns run in a plain method that returns only to wait: turns looped
    // in this async function cost more (measured: 4 ns of a 50 ns switch).
    for (let wait = this.#turnsUntilWait(); wait; wait = this.#turnsUntilWait()) await wait
    const stuck: RunReport['stuck'] = []
    for (let task = this.#newest; task; task = task.older) {
      if (task.parkedOn) stuck.push({ task, waitingFor: describe(task) })
    }
    // Oldest first, in the order they were spawned.
    return { endedAt: this.#clock.now(), stuck: stuck.reverse() }
  }

  /** Runs turns until the loop must wait for the host: that wait, or undefined once nothing can ever run. */
  #turnsUntilWait(): Promise<void> | undefined {
    for (;;) {
      this.#fireDueTimers()
      this.#runTurn()
      if (this.#ready.length > 0) {
        const pause = this.#clock.poll()
        if (pause) return pause
        continue
      }
      const deadline = this.#timers.peek()?.deadline
      if (deadline === undefined && this.#liveWaits === 0) return undefined
      const pause = this.#clock.idle(deadline)
      if (pause) return pause
    }
  }

  #runTurn(): void {
    // Only the tasks ready when the turn starts: one woken meanwhile waits for
    // the next turn, so timers and I/O get their chance between turns.
    const turn = this.#ready
    this.#ready = this.#spare
    for (const task of turn) this.#advance(task)
    // Emptied by pops: setting `length = 0` calls into the runtime, too slow once a turn.
    while (turn.length > 0) turn.pop()
    this.#spare = turn
  }

  /**
   * Runs a task until it parks or ends. Effects that need no waiting answer at once.
   * This is resume() written out: its Step is one more object per switch, and
   * this is the lesson's hottest loop (measured: 4 ns of a 50 ns switch).
   * Your scheduler can call resume(); it does the same thing.
   */
  #advance(task: LoopTask): void {
    const program = task.program
    for (let resumption: Resumption | undefined = task.resumption; resumption; ) {
      let result: IteratorResult<Effect, unknown>
      try {
        result =
          resumption.kind === 'value'
            ? program.next(resumption.value)
            : program.throw(resumption.error)
      } catch (error) {
        this.#settle(task, { ok: false, error })
        return
      }
      if (result.done) {
        this.#settle(task, { ok: true, value: result.value })
        return
      }
      resumption = this.#perform(task, result.value)
    }
  }

  /** Does an effect: its answer now, or undefined once the task is parked. */
  #perform(task: LoopTask, effect: Effect): Resumption | undefined {
    switch (effect.type) {
      case 'spawn':
        return ok(this.spawn(effect.program, effect.name))
      case 'cancel':
        this.cancel(effect.task)
        return NOTHING
      case 'sleep':
        return this.#sleep(task, effect)
      case 'next':
        return this.#awaitItem(task, effect)
      case 'join':
        return this.#join(task, effect)
    }
  }

  #sleep(task: LoopTask, effect: Effect & { type: 'sleep' }): undefined {
    // Whole milliseconds, rounded up, as Node's own timers: never early, and a whole
    // number is stored in the task itself where a fraction takes a heap box of its own.
    task.deadline = Math.ceil(this.#clock.now() + Math.max(0, effect.ms))
    this.#timers.push(task)
    task.parkedOn = ON_TIMER
    return undefined
  }

  #awaitItem(task: LoopTask, effect: Effect & { type: 'next' }): Resumption | undefined {
    const taken = effect.source.take()
    if (taken) return ok(taken.item)
    if (!task.onItem) {
      // One answer object per task, refilled for each item: a wake allocates nothing.
      const answer = { kind: 'value' as const, value: undefined as unknown }
      task.onItem = (item) => {
        answer.value = item
        task.resumption = answer
        this.#makeReady(task)
      }
    }
    effect.source.wait(task.onItem)
    if (effect.source.live) {
      task.live = true
      this.#liveWaits++
    }
    task.parkedOn = effect
    return undefined
  }

  #join(task: LoopTask, effect: Effect & { type: 'join' }): Resumption | undefined {
    const target = effect.task
    if (target.outcome) return resumptionOf(target.outcome)
    if (!(target instanceof LoopTask)) {
      return { kind: 'error', error: new Error(`"${target.name}" is not a task of this loop`) }
    }
    target.joiners ??= []
    target.joiners.push(task)
    task.parkedOn = effect
    return undefined
  }

  #makeReady(task: LoopTask): void {
    if (task.live) {
      task.live = false
      this.#liveWaits--
    }
    task.parkedOn = undefined
    this.#ready.push(task)
    // Made ready from outside a turn (an I/O callback, a cancel) while the loop idles: wake it.
    this.#clock.wake()
  }

  /** Takes a parked task off its timer, source or join (to cancel it). */
  #unpark(task: LoopTask): void {
    const effect = task.parkedOn
    this.#timers.remove(task)
    if (effect?.type === 'next' && task.onItem) effect.source.unwait(task.onItem)
    if (effect?.type === 'join' && effect.task instanceof LoopTask) {
      const joiners = effect.task.joiners ?? []
      joiners.splice(joiners.indexOf(task), 1)
    }
  }

  #settle(task: LoopTask, outcome: Outcome): void {
    task.outcome = outcome
    this.#unlink(task)
    for (const joiner of task.joiners ?? []) {
      joiner.resumption = resumptionOf(outcome)
      this.#makeReady(joiner)
    }
    task.joiners = undefined
  }

  /** Adds a new task to the list of unfinished ones, as the newest. */
  #link(task: LoopTask): void {
    task.older = this.#newest
    if (this.#newest) this.#newest.newer = task
    this.#newest = task
  }

  /** Takes a finished task out of that list. */
  #unlink(task: LoopTask): void {
    if (task.newer) task.newer.older = task.older
    else this.#newest = task.older
    if (task.older) task.older.newer = task.newer
    task.older = task.newer = undefined
  }

  #fireDueTimers(): void {
    let timer = this.#timers.peek()
    // No timer set, no need to read the clock: a real clock's read costs as much as a switch.
    if (!timer) return
    const now = this.#clock.now()
    for (; timer && timer.deadline <= now; timer = this.#timers.peek()) {
      this.#timers.pop()
      timer.resumption = NOTHING
      this.#makeReady(timer)
    }
  }
}

function resumptionOf(outcome: Outcome): Resumption {
  return outcome.ok ? ok(outcome.value) : { kind: 'error', error: outcome.error }
}

/** What a parked task waits for, in words (only the report needs them: no string per park). */
function describe(task: LoopTask): string {
  const effect = task.parkedOn
  switch (effect?.type) {
    case 'sleep':
      return `its timer, due at ${task.deadline}`
    case 'next':
      return `the next item of "${effect.source.name}"`
    case 'join':
      return `the end of "${effect.task.name}"`
    default:
      return 'nothing: it is ready'
  }
}
