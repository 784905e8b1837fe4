// Exercise 3: the loop. One thread runs many tasks by taking turns: each task
// runs until it yields an effect (what it waits for); the loop parks it there
// and runs the next. Nothing interrupts a task: it gives the thread back at a
// `yield`, or never. Everything you need is in ./coroutines.ts (resume),
// ./timer-heap.ts and ../loop/ (effects, Source, clocks, Cancelled).
//
// Write the Scheduler:
//   1. spawn(program, name): wrap the program in a task (it must implement
//      Task from #loop: id, name, outcome; and Timer from ../types.ts: a
//      sleeping task is its own timer) and append it to the ready queue.
//   2. run(): loop in turns until no task can ever run again:
//        a. move every timer due by clock.now() to the ready queue;
//        b. run the tasks that were ready when the turn began, first in first
//           out, each with resume() until it parks or ends. Effects that need
//           no waiting are answered at once: spawn (the new task), cancel,
//           next on a source that already holds an item (source.take());
//        c. park the others: sleep -> set the task's deadline (now + ms,
//           rounded up as Node's timers are: never early) and push the task
//           on the timer heap;
//           next -> source.wait(waiter), the waiter making the task ready with
//           the item; join -> until that task ends (at once if it has an
//           outcome), then its value or its error. Whenever a task becomes
//           ready (a waiter, spawn, cancel), call clock.wake(): the push may
//           come from an I/O callback while the loop idles;
//        d. more ready? `await clock.poll()` when it returns a promise, then
//           loop. Nothing ready: `await clock.idle(next deadline)`; but with no
//           timer and no task parked on a live source (source.live), stop.
//           (Count those tasks as they park and wake: a count is enough.)
//      Return { endedAt: clock.now(), stuck: [{ task, waitingFor }] } for the
//      tasks still parked, saying what each waits for (name the source or task).
//   3. cancel(task): throw a Cancelled (from #loop) into the task at its
//      `yield`, on its next turn, so its finally blocks run: take it off the
//      timer heap (remove), its source or its join, and make it ready with
//      that error.
//
// Run: pnpm course test scheduler     Stuck: pnpm course hint scheduler

import { todo } from '@course/common/todo'
import type { Clock, Program, Task } from '#loop'
import type { RunReport } from '#types'

const FILE = 'lessons/04-event-loop/src/scheduler.ts'

export class Scheduler {
  readonly #clock: Clock

  constructor(clock: Clock) {
    this.#clock = clock
  }

  now(): number {
    return this.#clock.now()
  }

  spawn<T>(program: Program<T>, name = 'task'): Task<T> {
    return todo(FILE, `add the task "${name}" (${typeof program}) to the ready queue`, 'scheduler')
  }

  cancel(task: Task): void {
    todo(FILE, `throw a Cancelled into "${task.name}" at its yield`, 'scheduler')
  }

  run(): Promise<RunReport> {
    return todo(FILE, 'run the tasks, turn after turn, until none can ever run', 'scheduler')
  }
}
