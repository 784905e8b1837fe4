// Exercise 1: a task is a generator. Calling it runs nothing; each `next(value)`
// runs it up to its next `yield` (an effect: what it waits for) or its end.
// These two functions are everything a scheduler needs to know about it.
import type { Effect, Program } from '#loop'
import type { Resumption, Step } from '#types'

/**
 * Runs `program` from where it paused to its next pause, handing it the
 * answer to the effect it last yielded, or throwing an error in at its
 * `yield` (where its try/catch/finally can see it). Never throws: what the
 * task threw comes back as a step.
 */
export function resume<T>(program: Program<T>, resumption: Resumption): Step<T> {
  try {
    const result =
      resumption.kind === 'value' ? program.next(resumption.value) : program.throw(resumption.error)
    return result.done
      ? { kind: 'returned', value: result.value }
      : { kind: 'yielded', effect: result.value }
  } catch (error) {
    return { kind: 'threw', error }
  }
}

/**
 * Drives `program` to its end on this thread, doing each effect with
 * `perform`: its result goes back in, and what it throws is thrown in. This
 * is how the blocking servers ran the app (runBlocking); the scheduler
 * differs only in not doing the effect at once.
 */
export function runToEnd<T>(program: Program<T>, perform: (effect: Effect) => unknown): T {
  let step = resume(program, { kind: 'value', value: undefined })
  for (;;) {
    if (step.kind === 'returned') return step.value
    if (step.kind === 'threw') throw step.error
    let resumption: Resumption
    try {
      resumption = { kind: 'value', value: perform(step.effect) }
    } catch (error) {
      resumption = { kind: 'error', error }
    }
    step = resume(program, resumption)
  }
}
