// Exercise 5: `await`, unmasked. An async function is a generator that
// yields promises, driven by a small loop that resumes it when each promise
// settles: with the value, or by throwing the reason in at the `yield`. That
// loop is `co` (Koa 1 ran its middleware on it) and TypeScript's `__awaiter`
// (what `async` compiles to for old targets). This is it.
import type { PromiseProgram } from '#types'

/** Runs `program` as an async function would run the same code with `await` for `yield`. */
export function drive<T>(program: PromiseProgram<T>): Promise<T> {
  // The executor runs at once: like an async function, the generator runs
  // synchronously up to its first yield.
  return new Promise<T>((resolve, reject) => {
    const step = (advance: () => IteratorResult<unknown, T>) => {
      let result: IteratorResult<unknown, T>
      try {
        result = advance()
      } catch (error) {
        reject(error)
        return
      }
      if (result.done) resolve(result.value)
      else resumeWhenSettled(result.value)
    }
    // `await v` resumes in a promise reaction, a microtask, even when v is not
    // a promise: never synchronously. Promise.resolve(v).then(...) is exactly that.
    const resumeWhenSettled = (yielded: unknown) => {
      Promise.resolve(yielded).then(
        (value) => step(() => program.next(value)),
        (error: unknown) => step(() => program.throw(error)),
      )
    }
    step(() => program.next())
  })
}
