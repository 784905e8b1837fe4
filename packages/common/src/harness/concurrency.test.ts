import { describe, expect, it } from 'vitest'
import type { Span } from '../timeline/span.ts'
import { expectConcurrency, expectWorkers } from './concurrency.ts'
import { messageOf } from './message-of.fixture.ts'

const span = (id: number, started: number, ended: number, servedBy: string): Span => ({
  id,
  label: `GET /io#${id}`,
  status: 200,
  sent: 0,
  received: ended + 1,
  server: { accepted: 0, started, ended, servedBy },
})
const how = { reproduce: 'pnpm course timeline 02 --n 4 --ms 100' }

/** Two workers, each serving one request after another: 2 at once, 2 workers. */
const pool = [
  span(1, 0, 100, '7/0'),
  span(2, 0, 100, '8/0'),
  span(3, 100, 200, '7/0'),
  span(4, 100, 200, '8/0'),
]
/** One worker with all four in flight together, as an async server serves them. */
const loop = [
  span(1, 0, 100, '9/0'),
  span(2, 1, 101, '9/0'),
  span(3, 2, 102, '9/0'),
  span(4, 3, 103, '9/0'),
]

describe('expectConcurrency', () => {
  it('passes when the busiest moment had exactly the expected number in flight', () => {
    expect(() => expectConcurrency(pool, 2, how)).not.toThrow()
    expect(() => expectConcurrency(loop, 4, how)).not.toThrow()
  })

  it('accepts bounds, for an async server that should have many at once', () => {
    expect(() => expectConcurrency(loop, { min: 3 }, how)).not.toThrow()
    expect(() => expectConcurrency(pool, { max: 2 }, how)).not.toThrow()
  })

  it('fails with the overlap, the server-side intervals and the command', () => {
    const message = messageOf(() => expectConcurrency(pool, 1, how))
    expect(message).toContain('expected:  4 requests served 1 at a time')
    expect(message).toContain('actual:    2 served at once, at the busiest moment')
    expect(message).toContain('#1 0-100 by 7/0, #2 0-100 by 8/0, #3 100-200 by 7/0')
    expect(message).toContain(how.reproduce)
  })

  it('says how many requests the server never reported on', () => {
    const failed: Span = { id: 5, label: 'GET /io', status: 0, sent: 0, received: 1 }
    const message = messageOf(() => expectConcurrency([...loop, failed], { min: 5 }, how))
    expect(message).toContain('expected:  5 requests served at least 5 at a time')
    expect(message).toContain('1 without an x-timeline header')
  })
})

describe('expectWorkers', () => {
  it('passes when exactly the expected number of distinct workers served', () => {
    expect(() => expectWorkers(pool, 2, how)).not.toThrow()
    expect(() => expectWorkers(loop, 1, how)).not.toThrow()
  })

  it('fails with the workers seen and what each served', () => {
    const message = messageOf(() => expectWorkers(loop, 3, { ...how, hint: 'start 3 workers' }))
    expect(message).toContain('expected:  4 requests served by 3 distinct workers')
    expect(message).toContain('actual:    served by 1 (9/0)')
    expect(message).toContain('requests per worker: 9/0: 4')
    expect(message).toContain('hint:      start 3 workers')
  })
})

describe('the two together', () => {
  it('tell a pool (W at once on W workers) from an async server (N at once on one)', () => {
    expect(() => expectConcurrency(loop, 4, how)).not.toThrow()
    expect(() => expectWorkers(loop, 4, how)).toThrow(/served by 1/)
  })
})
