// Exercise 1: coroutines. A task is a generator function: calling it runs
// nothing; each `program.next(value)` runs it up to its next `yield` (an
// effect, saying what it waits for) or to its end, and `program.throw(error)`
// resumes it by throwing at that `yield`, where its try/catch/finally see it.
// These two functions are all a scheduler needs to know about a task.
//
// Write:
//   1. resume(program, resumption): resume with { kind: 'value', value } or
//      { kind: 'error', error } and say what happened next (see ../types.ts):
//        { kind: 'yielded', effect }   it paused at a yield
//        { kind: 'returned', value }   it ran to its end
//        { kind: 'threw', error }      it threw: return that, never throw it
//      The first resume of a new program starts it (its value is ignored).
//   2. runToEnd(program, perform): drive a program to its end on this thread:
//      for each effect it yields, call perform(effect) and resume the program
//      with the result, or with the error if perform throws. Return what the
//      program returns; throw what it throws. (This is how the blocking
//      servers of lessons 01 and 02 ran the app: see runBlocking.)
//
// Run: pnpm course test coroutines     Stuck: pnpm course hint coroutines

import { todo } from '@course/common/todo'
import type { Effect, Program } from '#loop'
import type { Resumption, Step } from '#types'

export function resume<T>(program: Program<T>, resumption: Resumption): Step<T> {
  return todo(
    'lessons/04-event-loop/src/coroutines.ts',
    `resume a task with ${resumption.kind === 'value' ? 'a value' : 'an error'} (program.next / program.throw) and say what it did`,
    'coroutines',
  )
}

export function runToEnd<T>(program: Program<T>, perform: (effect: Effect) => unknown): T {
  return todo(
    'lessons/04-event-loop/src/coroutines.ts',
    `drive a task to its end, doing each effect with perform (${perform.name || 'a function'})`,
    'coroutines',
  )
}
