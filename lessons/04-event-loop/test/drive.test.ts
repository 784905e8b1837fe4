// Each test runs the same code twice, once as an async function and once as a
// generator driven by your drive(), and expects the same result, the same
// error, and the same order of events against promise reactions running
// alongside (a chain of .then ticks).
import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/drive.ts'

const { drive } = await impl.load<typeof Reference>('drive.ts')

/** Runs `run` next to a chain of six promise reactions and returns everything logged, in order. */
async function trace(run: (log: string[]) => Promise<unknown>): Promise<string[]> {
  const log: string[] = []
  let chain = Promise.resolve()
  for (let tick = 1; tick <= 6; tick++) {
    chain = chain.then(() => {
      log.push(`tick ${tick}`)
    })
  }
  const done = run(log).then(
    (value) => log.push(`resolved ${String(value)}`),
    (error: unknown) => log.push(`rejected ${(error as Error).message}`),
  )
  log.push('sync code after the call')
  await Promise.all([done, chain])
  return log
}

describe('drive', () => {
  it('resolves with what the generator returns, as an async function resolves', async () => {
    const native = async () => (await Promise.resolve(20)) + (await 22)
    const driven = () =>
      drive(
        (function* () {
          const a = Number(yield Promise.resolve(20))
          const b = Number(yield 22)
          return a + b
        })(),
      )
    expect(await driven()).toBe(await native())
  })

  it('throws a rejected promise in at the yield, where try/catch sees it', async () => {
    const native = async () => {
      try {
        await Promise.reject(new Error('no'))
        return 'not caught'
      } catch (error) {
        return `caught ${(error as Error).message}`
      }
    }
    const driven = () =>
      drive(
        (function* () {
          try {
            yield Promise.reject(new Error('no'))
            return 'not caught'
          } catch (error) {
            return `caught ${(error as Error).message}`
          }
        })(),
      )
    expect(await driven()).toBe(await native())
  })

  it('rejects with what the generator throws, before or after its first yield', async () => {
    const early = drive(
      // biome-ignore lint/correctness/useYield: it throws before it could yield
      (function* () {
        throw new Error('at once')
      })(),
    )
    await expect(early).rejects.toThrow('at once')
    const late = drive(
      (function* () {
        yield delay(5)
        throw new Error('later')
      })(),
    )
    await expect(late).rejects.toThrow('later')
  })

  it('runs the generator synchronously up to its first yield, as an async function runs to its first await', async () => {
    const native = await trace(async (log) => {
      log.push('body starts')
      await 1
      log.push('body resumes')
    })
    const driven = await trace((log) =>
      drive(
        (function* () {
          log.push('body starts')
          yield 1
          log.push('body resumes')
        })(),
      ),
    )
    expect(driven).toEqual(native)
  })

  it('resumes after yield 1 on a later microtask, as await 1 does, never synchronously', async () => {
    const native = await trace(async (log) => {
      log.push('a')
      await 1
      log.push('b')
      await 2
      log.push('c')
      return 'done'
    })
    const driven = await trace((log) =>
      drive(
        (function* () {
          log.push('a')
          yield 1
          log.push('b')
          yield 2
          log.push('c')
          return 'done'
        })(),
      ),
    )
    expect(driven, `async function order: ${native.join(' | ')}`).toEqual(native)
  })

  it('interleaves with promise reactions exactly as await does, for resolved, rejected and pending promises', async () => {
    const native = await trace(async (log) => {
      log.push('start')
      await Promise.resolve('x')
      log.push('after a resolved promise')
      try {
        await Promise.reject(new Error('no'))
      } catch {
        log.push('after a rejected promise')
      }
      await delay(1)
      log.push('after a timer')
      return 'end'
    })
    const driven = await trace((log) =>
      drive(
        (function* () {
          log.push('start')
          yield Promise.resolve('x')
          log.push('after a resolved promise')
          try {
            yield Promise.reject(new Error('no'))
          } catch {
            log.push('after a rejected promise')
          }
          yield delay(1)
          log.push('after a timer')
          return 'end'
        })(),
      ),
    )
    expect(driven, `async function order: ${native.join(' | ')}`).toEqual(native)
  })
})
