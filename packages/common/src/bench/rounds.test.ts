import { describe, expect, it } from 'vitest'
import { interleavedRounds, medianSample } from './rounds.ts'
import { benchSettings, isFullRun } from './settings.ts'

describe('interleaved rounds', () => {
  it('measure every subject once per round, in turns, warm-ups first', async () => {
    const order: string[] = []
    const samples = await interleavedRounds(
      ['A', 'B', 'C'],
      async (subject, turn) => {
        order.push(`${turn.warmup ? 'w' : ''}${subject}${turn.round}`)
        return `${subject}${turn.round}`
      },
      { rounds: 2, warmups: 1 },
    )
    expect(order).toEqual(['wA0', 'wB0', 'wC0', 'A0', 'B0', 'C0', 'A1', 'B1', 'C1'])
    expect(samples).toEqual([
      ['A0', 'A1'],
      ['B0', 'B1'],
      ['C0', 'C1'],
    ])
  })

  it('report every measurement, warm-ups included, for progress', async () => {
    const seen: boolean[] = []
    await interleavedRounds(['A', 'B'], async () => 0, {
      rounds: 1,
      warmups: 2,
      onMeasured: (turn) => seen.push(turn.warmup),
    })
    expect(seen).toEqual([true, true, true, true, false, false])
  })

  it('give the median of each figure, so one noisy round changes nothing', () => {
    const rounds = [
      { rps: 90, p99: 12 },
      { rps: 10, p99: 400 },
      { rps: 95, p99: 11 },
      { rps: 92, p99: 13 },
      { rps: 91, p99: 12 },
    ]
    expect(medianSample(rounds)).toEqual({ rps: 91, p99: 12 })
  })
})

describe('bench settings', () => {
  const defaults = { rounds: 5, warmups: 1, seconds: 1 }

  it('are the defaults unless the environment asks for less', () => {
    expect(benchSettings(defaults, {})).toEqual(defaults)
    expect(benchSettings(defaults, { BENCH_ROUNDS: '1', BENCH_SECONDS: '0.2' })).toEqual({
      rounds: 1,
      warmups: 1,
      seconds: 0.2,
    })
  })

  it('count as a full run only when nothing was cut short', () => {
    expect(isFullRun(defaults, defaults)).toBe(true)
    expect(isFullRun(benchSettings(defaults, { BENCH_ROUNDS: '9' }), defaults)).toBe(true)
    expect(isFullRun(benchSettings(defaults, { BENCH_SECONDS: '0.2' }), defaults)).toBe(false)
  })

  it('refuse a value that is not a count, naming the variable', () => {
    expect(() => benchSettings(defaults, { BENCH_ROUNDS: '2.5' })).toThrow(
      'BENCH_ROUNDS takes a whole number of at least 1, got "2.5"',
    )
    expect(() => benchSettings(defaults, { BENCH_SECONDS: 'soon' })).toThrow('BENCH_SECONDS')
  })
})
