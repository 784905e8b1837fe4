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
import { resume } from './coroutines.ts'
import { TimerHeap } from './timer-heap.ts'

/** Answers are immutable: the common ones are shared, not allocated per switch. */
const NOTHING: Resumption = { kind: 'value', value: undefined }
const ok = (value: unknown): Resumption =>
  value === undefined ? NOTHING : { kind: 'value', value }

class LoopTask<T = unknown> implements Task<T> {
  outcome: Outcome<T> | undefined
  /** What it is resumed with when its turn comes. */
  resumption = NOTHING
  /** The effect it is parked on; undefined while ready or running. */
  parkedOn: Effect | undefined
  /** Its timer while it sleeps. A heap cannot cheaply remove from its middle: cancelling only forgets it. */
  timer: Timer<LoopTask> | undefined
  /** What a source calls with its item: made once per task, not once per wait. */
  onItem: Waiter<unknown> | undefined
  /** Waits on a source fed from outside (see Scheduler.#liveWaits). */
  live = false
  /** Tasks waiting for its end, created by the first join. */
  joiners: LoopTask[] | undefined

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
  /** Every task not finished yet: those still parked when the loop ends are stuck. */
  readonly #unfinished = new Set<LoopTask>()
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
    this.#unfinished.add(task)
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
    for (;;) {
      this.#fireDueTimers()
      this.#runTurn()
      if (this.#ready.length > 0) {
        const pause = this.#clock.poll()
        if (pause) await pause
        continue
      }
      const deadline = this.#nextDeadline()
      if (deadline === undefined && this.#liveWaits === 0) break
      const pause = this.#clock.idle(deadline)
      if (pause) await pause
    }
    const stuck = [...this.#unfinished]
      .filter((task) => task.parkedOn !== undefined)
      .map((task) => ({ task, waitingFor: describe(task.parkedOn) }))
    return { endedAt: this.#clock.now(), stuck }
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

  /** Runs a task until it parks or ends. Effects that need no waiting answer at once. */
  #advance(task: LoopTask): void {
    for (let resumption: Resumption | undefined = task.resumption; resumption; ) {
      const step = resume(task.program, resumption)
      if (step.kind === 'yielded') {
        resumption = this.#perform(task, step.effect)
        continue
      }
      this.#settle(
        task,
        step.kind === 'returned'
          ? { ok: true, value: step.value }
          : { ok: false, error: step.error },
      )
      return
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
      case 'sleep': {
        // Whole milliseconds, rounded up, as Node's own timers: never early, and a whole
        // number is stored in the timer itself where a fraction takes a heap box of its own.
        const deadline = Math.ceil(this.#clock.now() + Math.max(0, effect.ms))
        task.timer = this.#timers.push(deadline, task)
        task.parkedOn = effect
        return undefined
      }
      case 'next': {
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
      case 'join': {
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
    }
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
    task.timer = undefined
    if (effect?.type === 'next' && task.onItem) effect.source.unwait(task.onItem)
    if (effect?.type === 'join' && effect.task instanceof LoopTask) {
      const joiners = effect.task.joiners ?? []
      joiners.splice(joiners.indexOf(task), 1)
    }
  }

  #settle(task: LoopTask, outcome: Outcome): void {
    task.outcome = outcome
    this.#unfinished.delete(task)
    for (const joiner of task.joiners ?? []) {
      joiner.resumption = resumptionOf(outcome)
      this.#makeReady(joiner)
    }
    task.joiners = undefined
  }

  #fireDueTimers(): void {
    let timer = this.#nextTimer()
    // No timer set, no need to read the clock: a real clock's read costs as much as a switch.
    if (!timer) return
    const now = this.#clock.now()
    for (; timer && timer.deadline <= now; timer = this.#nextTimer()) {
      this.#timers.pop()
      timer.value.timer = undefined
      timer.value.resumption = NOTHING
      this.#makeReady(timer.value)
    }
  }

  /** The first timer still wanted; forgotten ones (cancelled sleeps) are dropped on the way. */
  #nextTimer(): Timer<LoopTask> | undefined {
    let timer = this.#timers.peek()
    while (timer && timer.value.timer !== timer) {
      this.#timers.pop()
      timer = this.#timers.peek()
    }
    return timer
  }

  #nextDeadline(): number | undefined {
    return this.#nextTimer()?.deadline
  }
}

function resumptionOf(outcome: Outcome): Resumption {
  return outcome.ok ? ok(outcome.value) : { kind: 'error', error: outcome.error }
}

/** What a parked task waits for, in words (only the report needs them: no string per park). */
function describe(effect: Effect | undefined): string {
  switch (effect?.type) {
    case 'sleep':
      return `sleep(${effect.ms})`
    case 'next':
      return `the next item of "${effect.source.name}"`
    case 'join':
      return `the end of "${effect.task.name}"`
    default:
      return 'nothing: it is ready'
  }
}
