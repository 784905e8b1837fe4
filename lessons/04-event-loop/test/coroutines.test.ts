import { describe, expect, it } from 'vitest'
import { type Effect, type Program, sleep } from '#loop'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/coroutines.ts'

const { resume, runToEnd } = await impl.load<typeof Reference>('coroutines.ts')

/** A task that logs what it does, sleeps twice and returns the sum of its answers. */
function* logged(log: string[]): Program<number> {
  log.push('started')
  const first = yield { type: 'sleep', ms: 10 }
  log.push(`got ${String(first)}`)
  const second = yield { type: 'sleep', ms: 20 }
  log.push(`got ${String(second)}`)
  return Number(first) + Number(second)
}

describe('resume', () => {
  it('runs a task up to its first yield, and no further', () => {
    const log: string[] = []
    const program = logged(log)
    expect(log).toEqual([])
    const step = resume(program, { kind: 'value', value: undefined })
    expect(step).toEqual({ kind: 'yielded', effect: { type: 'sleep', ms: 10 } })
    expect(log).toEqual(['started'])
  })

  it('hands the answer to an effect back in at the yield, and returns the task value at the end', () => {
    const log: string[] = []
    const program = logged(log)
    resume(program, { kind: 'value', value: undefined })
    expect(resume(program, { kind: 'value', value: 1 })).toEqual({
      kind: 'yielded',
      effect: { type: 'sleep', ms: 20 },
    })
    expect(resume(program, { kind: 'value', value: 2 })).toEqual({ kind: 'returned', value: 3 })
    expect(log).toEqual(['started', 'got 1', 'got 2'])
  })

  it('throws an error in at the yield, where the task can catch it', () => {
    function* careful(): Program<string> {
      try {
        yield* sleep(10)
        return 'slept'
      } catch (error) {
        return `caught ${(error as Error).message}`
      }
    }
    const program = careful()
    resume(program, { kind: 'value', value: undefined })
    expect(resume(program, { kind: 'error', error: new Error('boom') })).toEqual({
      kind: 'returned',
      value: 'caught boom',
    })
  })

  it('reports what the task threw instead of throwing it, after its finally blocks ran', () => {
    const log: string[] = []
    function* fragile(): Program<void> {
      try {
        yield* sleep(10)
      } finally {
        log.push('finally')
      }
    }
    const program = fragile()
    resume(program, { kind: 'value', value: undefined })
    const error = new Error('boom')
    expect(resume(program, { kind: 'error', error })).toEqual({ kind: 'threw', error })
    expect(log).toEqual(['finally'])
  })
})

describe('runToEnd', () => {
  it('drives a task to its end, doing each effect and handing back its result', () => {
    const performed: Effect[] = []
    const value = runToEnd(logged([]), (effect) => {
      performed.push(effect)
      return performed.length * 10
    })
    expect(value).toBe(30)
    expect(performed).toEqual([
      { type: 'sleep', ms: 10 },
      { type: 'sleep', ms: 20 },
    ])
  })

  it('throws a failed effect into the task, and the task error out of runToEnd', () => {
    function* retrying(): Program<string> {
      try {
        yield* sleep(1)
      } catch {
        yield* sleep(2)
      }
      return 'recovered'
    }
    let calls = 0
    const fail = () => {
      calls++
      if (calls === 1) throw new Error('first effect fails')
    }
    expect(runToEnd(retrying(), fail)).toBe('recovered')
    expect(() =>
      runToEnd(retrying(), () => {
        throw new Error('every effect fails')
      }),
    ).toThrow('every effect fails')
  })
})
