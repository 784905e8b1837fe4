// Exercise 2b: the loop. One thread runs many tasks by taking turns: each
// task runs until it says what it waits for (a yielded effect), and the loop
// parks it there and runs the next one. Nothing can interrupt a task: it
// gives the thread back at its `yield`, or never.
//
//   each turn:  due timers --> ready queue --> run each task ready at the turn's start, in order
//               nothing ready?  idle until the next timer, or until a source is pushed from outside
//               nothing ready, no timer, no live source: the loop ends
import { Cancelled, type Clock, type Effect, type Outcome, type Program, type Task } from '#loop'
import type { Resumption, RunReport, Step } from '#types'
import { resume } from './coroutines.ts'
import { TimerHeap } from './timer-heap.ts'

class LoopTask<T = unknown> implements Task<T> {
  outcome: Outcome<T> | undefined
  /** What it is resumed with when its turn comes. */
  resumption: Resumption = { kind: 'value', value: undefined }
  /** The effect it is parked on, for the report; undefined while ready or running. */
  parkedOn: Effect | undefined
  /** Takes the task back from where it is parked (a timer, a source, a join). */
  unpark: (() => void) | undefined
  readonly joiners: LoopTask[] = []

  constructor(
    readonly id: number,
    readonly name: string,
    readonly program: Program<T>,
  ) {}
}

interface Sleeper {
  task: LoopTask
  cancelled: boolean
}

const ok = (value: unknown): Resumption => ({ kind: 'value', value })

export class Scheduler {
  readonly #clock: Clock
  #ready: LoopTask[] = []
  readonly #timers = new TimerHeap<Sleeper>()
  readonly #parked = new Set<LoopTask>()
  /** Parked on a source fed from outside: while there is one, the loop idles instead of ending. */
  readonly #live = new Set<LoopTask>()
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
    this.#ready.push(task)
    this.#clock.wake()
    return task
  }

  /** Throws a Cancelled into `task` at its `yield`, on its next turn. */
  cancel(task: Task): void {
    if (!(task instanceof LoopTask) || task.outcome) return
    // A task already in the ready queue gets the cancellation instead of its answer.
    const parked = this.#parked.has(task)
    task.unpark?.()
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
      if (deadline === undefined && !this.#waitingOnOutside()) break
      const pause = this.#clock.idle(deadline)
      if (pause) await pause
    }
    const stuck = [...this.#parked].map((task) => ({ task, waitingFor: describe(task.parkedOn) }))
    return { endedAt: this.#clock.now(), stuck }
  }

  #runTurn(): void {
    // Only the tasks ready when the turn starts: one woken meanwhile waits for
    // the next turn, so timers and I/O get their chance between turns.
    const turn = this.#ready
    this.#ready = []
    for (const task of turn) this.#advance(task)
  }

  /** Runs a task until it parks or ends. Effects that need no waiting answer at once. */
  #advance(task: LoopTask): void {
    let step: Step<unknown> = resume(task.program, task.resumption)
    for (;;) {
      if (step.kind !== 'yielded') {
        this.#settle(
          task,
          step.kind === 'returned'
            ? { ok: true, value: step.value }
            : { ok: false, error: step.error },
        )
        return
      }
      const answer = this.#perform(task, step.effect)
      if (answer === undefined) return
      step = resume(task.program, answer)
    }
  }

  /** Does an effect: its answer now, or undefined once the task is parked. */
  #perform(task: LoopTask, effect: Effect): Resumption | undefined {
    switch (effect.type) {
      case 'spawn':
        return ok(this.spawn(effect.program, effect.name))
      case 'cancel':
        this.cancel(effect.task)
        return ok(undefined)
      case 'sleep': {
        const deadline = this.#clock.now() + Math.max(0, effect.ms)
        const sleeper = { task, cancelled: false }
        this.#timers.push(deadline, sleeper)
        // A heap cannot cheaply remove from its middle: a cancelled timer stays, marked.
        return this.#park(task, effect, () => {
          sleeper.cancelled = true
        })
      }
      case 'next': {
        const taken = effect.source.take()
        if (taken) return ok(taken.item)
        const unpark = effect.source.wait((item) => {
          task.resumption = ok(item)
          this.#makeReady(task)
        })
        return this.#park(task, effect, unpark, effect.source.live)
      }
      case 'join': {
        const target = effect.task
        if (target.outcome) return resumptionOf(target.outcome)
        if (!(target instanceof LoopTask))
          return { kind: 'error', error: new Error('not a task of this scheduler') }
        target.joiners.push(task)
        return this.#park(task, effect, () => {
          target.joiners.splice(target.joiners.indexOf(task), 1)
        })
      }
    }
  }

  #park(task: LoopTask, effect: Effect, unpark: () => void, live = false): undefined {
    task.parkedOn = effect
    task.unpark = unpark
    this.#parked.add(task)
    if (live) this.#live.add(task)
    return undefined
  }

  #makeReady(task: LoopTask): void {
    task.parkedOn = undefined
    task.unpark = undefined
    this.#parked.delete(task)
    this.#live.delete(task)
    this.#ready.push(task)
    // Made ready from outside a turn (an I/O callback, a cancel) while the loop idles: wake it.
    this.#clock.wake()
  }

  #settle(task: LoopTask, outcome: Outcome): void {
    task.outcome = outcome
    for (const joiner of task.joiners.splice(0)) {
      joiner.resumption = resumptionOf(outcome)
      this.#makeReady(joiner)
    }
  }

  #fireDueTimers(): void {
    const now = this.#clock.now()
    for (
      let timer = this.#timers.peek();
      timer && timer.deadline <= now;
      timer = this.#timers.peek()
    ) {
      this.#timers.pop()
      if (timer.value.cancelled) continue
      timer.value.task.resumption = ok(undefined)
      this.#makeReady(timer.value.task)
    }
  }

  #nextDeadline(): number | undefined {
    // Skip timers of cancelled tasks, so they cannot keep the loop alive.
    while (this.#timers.peek()?.value.cancelled) this.#timers.pop()
    return this.#timers.peek()?.deadline
  }

  #waitingOnOutside(): boolean {
    return this.#live.size > 0
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
