import { describe, expect, it } from 'vitest'
import { messageOf } from './message-of.fixture.ts'
import { expectOrder } from './order.ts'

const how = { reproduce: "curl 'http://127.0.0.1:8080/io?ms=300' & curl http://127.0.0.1:8080/" }
const slowEnded = { name: 'slow ended', at: 300 }
const fast = [
  { name: 'fast 1 started', at: 300 },
  { name: 'fast 2 started', at: 302 },
]

describe('expectOrder', () => {
  it('passes when each step happened no later than the next, ties included', () => {
    expect(() => expectOrder([{ name: 'slow started', at: 0 }, slowEnded, fast], how)).not.toThrow()
  })

  it('does not care about the order inside a step', () => {
    expect(() => expectOrder([slowEnded, [...fast].reverse()], how)).not.toThrow()
  })

  it('fails with the events that came out of order, and all of them as they happened', () => {
    const early = [{ name: 'fast 1 started', at: 120 }, fast[1] ?? slowEnded]
    const message = messageOf(() => expectOrder([slowEnded, early], how))
    expect(message).toContain(
      'expected:  in this order: slow ended, then {fast 1 started, fast 2 started}',
    )
    expect(message).toContain('actual:    fast 1 started came 180.0 ms before slow ended')
    expect(message).toContain('fast 1 started 0.0, slow ended 180.0, fast 2 started 182.0')
    expect(message).toContain(how.reproduce)
  })
})
