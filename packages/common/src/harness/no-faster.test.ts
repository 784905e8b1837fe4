import { describe, expect, it } from 'vitest'
import { messageOf } from './message-of.fixture.ts'
import { expectNoFasterThan } from './no-faster.ts'

const how = { reproduce: "curl 'http://127.0.0.1:8080/io?ms=100'" }
const waits = { ms: 100, what: 'the wait each asks for' }

describe('expectNoFasterThan', () => {
  it('passes when every response took at least the floor, less a millisecond of timer slack', () => {
    const timed = { what: 'GET /io?ms=100', timesMs: [99.4, 101, 180], floor: waits, ...how }
    expect(() => expectNoFasterThan(timed)).not.toThrow()
  })

  it('fails a response that skipped its wait, with every time and the command', () => {
    const message = messageOf(() =>
      expectNoFasterThan({ what: 'GET /io?ms=100', timesMs: [3, 101, 102], floor: waits, ...how }),
    )
    expect(message).toContain(
      'expected:  every GET /io?ms=100 to take at least 100 ms (the wait each asks for)',
    )
    expect(message).toContain('actual:    1 of 3 faster: 3.0 ms')
    expect(message).toContain('3 times: fastest 3.0, median 101, slowest 102 ms')
    expect(message).toContain(how.reproduce)
  })

  it('fails when nothing was timed rather than pass on no evidence', () => {
    const message = messageOf(() =>
      expectNoFasterThan({ what: 'GET /', timesMs: [], floor: waits, ...how }),
    )
    expect(message).toContain('actual:    nothing was timed')
  })

  it('takes its floor from runs measured in the same test', () => {
    const blocking = {
      measuredMs: [50, 52, 54],
      fraction: 0.8,
      what: "0.8 x the blocking server's median",
    }
    const ok = {
      what: 'one request to the async server',
      timesMs: [45, 48],
      floor: blocking,
      ...how,
    }
    expect(() => expectNoFasterThan(ok)).not.toThrow()
    const message = messageOf(() => expectNoFasterThan({ ...ok, timesMs: [20, 48] }))
    expect(message).toContain('at least 42 ms')
    expect(message).toContain('0.8 x the median of 3 runs measured in this test (50 to 54 ms)')
    expect(message).not.toContain('too busy')
  })

  it('says the machine was too busy to judge when the runs it measured disagree', () => {
    const noisy = {
      measuredMs: [50, 51, 400],
      fraction: 0.8,
      what: "0.8 x the blocking server's median",
    }
    const message = messageOf(() =>
      expectNoFasterThan({ what: 'one request', timesMs: [20], floor: noisy, ...how }),
    )
    expect(message).toContain('(50 to 400 ms)')
    expect(message).toContain('the machine was too busy to judge: run again')
  })
})
