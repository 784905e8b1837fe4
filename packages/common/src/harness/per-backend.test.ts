import { describe, expect, it } from 'vitest'
import type { Reply } from '../load/send.ts'
import { messageOf } from './message-of.fixture.ts'
import { countPerBackend, expectPerBackend, UNKNOWN_BACKEND, whoServed } from './per-backend.ts'

/** A reply from `servedBy`, known by x-timeline or, without it, only by a /whoami body. */
const reply = (servedBy: string, via: 'x-timeline' | 'whoami' = 'x-timeline'): Reply => ({
  status: 200,
  headers: {},
  body: Buffer.from(via === 'whoami' ? JSON.stringify({ pid: 1, threadId: 0, servedBy }) : 'ok'),
  span: {
    label: 'GET /whoami',
    status: 200,
    sent: 0,
    received: 1,
    ...(via === 'x-timeline' ? { server: { accepted: 0, started: 0, ended: 1, servedBy } } : {}),
  },
})
const failed: Reply = {
  status: 0,
  headers: {},
  body: Buffer.alloc(0),
  span: { label: 'GET /whoami', status: 0, sent: 0, received: 1, error: 'ECONNREFUSED' },
}
const how = { reproduce: 'for i in $(seq 9); do curl -s http://127.0.0.1:8080/whoami; done' }
const roundRobin = ['1/0', '2/0', '3/0', '1/0', '2/0', '3/0'].map((by) => reply(by))

describe('who served a reply', () => {
  it('comes from x-timeline, or from a /whoami body when there is no header', () => {
    expect(whoServed(reply('4/1'))).toBe('4/1')
    expect(whoServed(reply('4/1', 'whoami'))).toBe('4/1')
    expect(whoServed(failed)).toBeUndefined()
  })

  it('is counted per backend, through a name the lesson chooses', () => {
    const byPid = (r: Reply) => `backend ${whoServed(r)?.split('/')[0]}`
    expect(countPerBackend([...roundRobin, failed])).toEqual(
      new Map([
        ['1/0', 2],
        ['2/0', 2],
        ['3/0', 2],
        [UNKNOWN_BACKEND, 1],
      ]),
    )
    expect(countPerBackend(roundRobin, byPid).get('backend 2')).toBe(2)
  })
})

describe('expectPerBackend', () => {
  it('passes an even share, exact counts, or a ratio that holds', () => {
    const counts = countPerBackend(roundRobin)
    expect(() => expectPerBackend(counts, { backends: 3, each: 2 }, how)).not.toThrow()
    expect(() =>
      expectPerBackend(counts, { exactly: { '1/0': 2, '2/0': 2, '3/0': 2 } }, how),
    ).not.toThrow()
    const steered = new Map([
      ['fast', 9],
      ['slow', 1],
    ])
    expect(() => expectPerBackend(steered, { ratio: ['fast', 'slow'], min: 3 }, how)).not.toThrow()
  })

  it('fails an uneven share with every count and the command', () => {
    const counts = countPerBackend([...roundRobin, reply('1/0')])
    const message = messageOf(() => expectPerBackend(counts, { backends: 3, each: 2 }, how))
    expect(message).toContain('expected:  each of 3 backends to serve 2 requests')
    expect(message).toContain('actual:    1/0: 3, 2/0: 2, 3/0: 2')
    expect(message).toContain('7 requests in all, 0 from no known backend')
    expect(message).toContain(how.reproduce)
  })

  it('fails when a backend that should not have served did, even if the rest match', () => {
    const counts = countPerBackend([...roundRobin, failed])
    const message = messageOf(() =>
      expectPerBackend(counts, { exactly: { '1/0': 2, '2/0': 2, '3/0': 2 } }, how),
    )
    expect(message).toContain('expected:  exactly 1/0: 2, 2/0: 2, 3/0: 2')
    expect(message).toContain(`${UNKNOWN_BACKEND}: 1`)
  })

  it('fails a ratio out of range, saying the ratio', () => {
    const even = new Map([
      ['fast', 5],
      ['slow', 5],
    ])
    const message = messageOf(() =>
      expectPerBackend(even, { ratio: ['fast', 'slow'], min: 3, max: 20 }, how),
    )
    expect(message).toContain('expected:  fast to serve 3x to 20x as many requests as slow')
    expect(message).toContain('actual:    fast: 5, slow: 5 (1.00x)')
  })
})
