import { failure } from '@course/common/harness'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Candidate, Picker } from '#types'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/pickers.ts'

const pickers = await impl.load<typeof Reference>('pickers.ts')

const backend = (name: string, fields: Partial<Omit<Candidate, 'name'>> = {}): Candidate => ({
  name,
  weight: 1,
  down: false,
  inFlight: 0,
  ...fields,
})

/** Names of the next `n` picks, e.g. "a a b a c a a". */
function sequence(picker: Picker, candidates: Candidate[], n: number): string {
  return Array.from({ length: n }, () => picker.pick(candidates)?.name ?? '-').join(' ')
}

/** A random source that returns these numbers in turn, for ever. */
function fixedRandom(...values: number[]): () => number {
  let i = 0
  return () => values[i++ % values.length] ?? 0
}

describe('round-robin', () => {
  it('takes turns in order, for ever', () => {
    const abc = [backend('a'), backend('b'), backend('c')]
    expect(sequence(pickers.createRoundRobin(), abc, 7)).toBe('a b c a b c a')
  })

  it('skips a backend that is down, and gives nothing when all are', () => {
    const picker = pickers.createRoundRobin()
    expect(sequence(picker, [backend('a'), backend('b', { down: true }), backend('c')], 4)).toBe(
      'a c a c',
    )
    expect(picker.pick([backend('a', { down: true })])).toBeUndefined()
  })
})

describe('smooth weighted round-robin', () => {
  it('gives weights 5, 1, 1 the order a a b a c a a, cycle after cycle', () => {
    const weighted = [backend('a', { weight: 5 }), backend('b'), backend('c')]
    const actual = sequence(pickers.createSmoothWeighted(), weighted, 14)
    const expected = 'a a b a c a a a a b a c a a'
    if (actual !== expected) {
      throw failure({
        expected,
        actual,
        reproduce: 'pnpm course test pickers',
        hint: "nginx's rule: each pick, every candidate's current weight += its weight; the largest wins and pays back the sum of the weights",
      })
    }
  })

  it('skips a backend that is down', () => {
    const weighted = [backend('a', { weight: 2, down: true }), backend('b'), backend('c')]
    expect(sequence(pickers.createSmoothWeighted(), weighted, 4)).toBe('b c b c')
  })

  const weightLists = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 })

  it('gives each backend exactly its weight in every cycle of sum(weights) picks', () => {
    fc.assert(
      fc.property(weightLists, fc.integer({ min: 1, max: 3 }), (weights, cycles) => {
        const candidates = weights.map((weight, i) => backend(`b${i}`, { weight }))
        const picker = pickers.createSmoothWeighted()
        const total = weights.reduce((sum, weight) => sum + weight, 0)
        for (let cycle = 0; cycle < cycles; cycle++) {
          const counts = new Map<string, number>()
          for (let i = 0; i < total; i++) {
            const name = picker.pick(candidates)?.name ?? '-'
            counts.set(name, (counts.get(name) ?? 0) + 1)
          }
          for (const candidate of candidates) {
            expect(counts.get(candidate.name) ?? 0, `weights ${weights}`).toBe(candidate.weight)
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it('spreads the turns: every prefix gives each backend its share, within 2', () => {
    fc.assert(
      fc.property(weightLists, (weights) => {
        const candidates = weights.map((weight, i) => backend(`b${i}`, { weight }))
        const picker = pickers.createSmoothWeighted()
        const total = weights.reduce((sum, weight) => sum + weight, 0)
        const counts = new Map<string, number>()
        for (let k = 1; k <= total; k++) {
          const name = picker.pick(candidates)?.name ?? '-'
          counts.set(name, (counts.get(name) ?? 0) + 1)
          for (const candidate of candidates) {
            const share = (k * candidate.weight) / total
            const got = counts.get(candidate.name) ?? 0
            // Plain weighted round-robin (a a a a a b c) fails this as soon as two weights exceed 2.
            expect(Math.abs(got - share), `weights ${weights}, after ${k} picks`).toBeLessThan(2)
          }
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('least-connections', () => {
  it('picks the backend with the fewest requests in flight', () => {
    const picker = pickers.createLeastConnections()
    const busy = [
      backend('a', { inFlight: 3 }),
      backend('b', { inFlight: 1 }),
      backend('c', { inFlight: 2 }),
    ]
    expect(picker.pick(busy)?.name).toBe('b')
  })

  it('breaks ties round-robin, so an idle pool is not all sent to the first backend', () => {
    const picker = pickers.createLeastConnections()
    const idle = [backend('a'), backend('b'), backend('c')]
    const actual = sequence(picker, idle, 6)
    if (actual !== 'a b c a b c') {
      throw failure({
        expected: 'a b c a b c (all idle: every tie goes to the next one in turn)',
        actual,
        reproduce: 'pnpm course test pickers',
        hint: 'start scanning for the least loaded just after the one you picked last',
      })
    }
  })

  it('counts requests in flight per unit of weight, and skips a backend that is down', () => {
    const picker = pickers.createLeastConnections()
    const candidates = [
      backend('a', { inFlight: 2, weight: 4 }),
      backend('b', { inFlight: 1 }),
      backend('c', { down: true }),
    ]
    expect(picker.pick(candidates)?.name).toBe('a')
  })
})

describe('two random choices', () => {
  it('draws two distinct backends and takes the less loaded', () => {
    const candidates = [
      backend('a', { inFlight: 5 }),
      backend('b', { inFlight: 0 }),
      backend('c', { inFlight: 9 }),
    ]
    // Draws a (0.0 -> index 0) and c (0.99 -> index 1 of the others, which is c).
    expect(pickers.createTwoChoices({ random: fixedRandom(0, 0.99) }).pick(candidates)?.name).toBe(
      'a',
    )
    // Draws c and b.
    expect(
      pickers.createTwoChoices({ random: fixedRandom(0.99, 0.5) }).pick(candidates)?.name,
    ).toBe('b')
  })

  it('never draws a backend that is down', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.999_999, noNaN: true }), { minLength: 2 }),
        (draws) => {
          const picker = pickers.createTwoChoices({ random: fixedRandom(...draws) })
          const candidates = [
            backend('a', { down: true }),
            backend('b'),
            backend('c', { down: true }),
            backend('d'),
          ]
          expect(['b', 'd']).toContain(picker.pick(candidates)?.name)
        },
      ),
    )
  })
})

describe('peak EWMA', () => {
  it('prefers the backend that answered faster', () => {
    let clock = 0
    const picker = pickers.createPeakEwma({ random: fixedRandom(0, 0), now: () => clock })
    const [a, b] = [backend('a'), backend('b')]
    picker.observe(a, 200)
    picker.observe(b, 10)
    clock += 100
    expect(picker.pick([a, b])?.name).toBe('b')
  })

  it('jumps to a slow latency at once, and forgets it slowly', () => {
    let clock = 0
    const picker = pickers.createPeakEwma({
      random: fixedRandom(0, 0),
      now: () => clock,
      decayMs: 1_000,
    })
    const [a, b] = [backend('a'), backend('b')]
    picker.observe(a, 10)
    picker.observe(b, 50)
    // One slow answer: a at once costs more than b.
    picker.observe(a, 500)
    expect(picker.pick([a, b])?.name).toBe('b')
    // A fast answer 100 ms later barely moves the average (10% of the way).
    clock += 100
    picker.observe(a, 10)
    expect(picker.pick([a, b])?.name).toBe('b')
    // Fast answers over several time constants bring it back under b.
    for (let i = 0; i < 10; i++) {
      clock += 1_000
      picker.observe(a, 10)
    }
    expect(picker.pick([a, b])?.name).toBe('a')
  })

  it('weighs the latency by the requests in flight', () => {
    const picker = pickers.createPeakEwma({ random: fixedRandom(0, 0), now: () => 0 })
    const a = backend('a', { inFlight: 9 })
    const b = backend('b', { inFlight: 0 })
    picker.observe(a, 10)
    picker.observe(b, 40)
    // a: 10 x 10 in flight (+1) = 110-ish; b: 40 x 1 = 41-ish.
    expect(picker.pick([a, b])?.name).toBe('b')
  })
})

describe('createPicker', () => {
  it('builds each method by name', () => {
    for (const algorithm of [
      'round-robin',
      'weighted',
      'least-connections',
      'two-choices',
      'peak-ewma',
    ] as const) {
      expect(pickers.createPicker(algorithm).pick([backend('a')])?.name, algorithm).toBe('a')
    }
  })
})
