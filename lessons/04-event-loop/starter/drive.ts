// Exercise 5: `await`, unmasked. An async function is a generator that
// yields promises, driven by a small loop that resumes it when each promise
// settles. Koa 1 ran its middleware on such a loop (`co`), and TypeScript
// still compiles `async` to one for old targets (`__awaiter`). Write it:
//
//   drive(program) returns a Promise that
//   1. runs the generator at once, synchronously, up to its first yield
//      (as an async function runs up to its first await);
//   2. when it yields a value v, waits for Promise.resolve(v) to settle, then
//      resumes it with program.next(value), or program.throw(reason) if it
//      rejected: in a promise reaction, never synchronously, even when v is
//      not a promise (`await 1` also waits for a microtask);
//   3. resolves with what the generator returns, rejects with what it throws.
//
// Run: pnpm course test drive     Stuck: pnpm course hint drive
import { todo } from '@course/common/todo'
import type { PromiseProgram } from '#types'

export function drive<T>(program: PromiseProgram<T>): Promise<T> {
  return todo(
    'lessons/04-event-loop/src/drive.ts',
    `drive a generator (${typeof program}) as an async function: resume it when each yielded promise settles`,
    'drive',
  )
}
