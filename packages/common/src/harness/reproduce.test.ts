import { describe, expect, it } from 'vitest'
import { curlFor, escapeBytes, failure, rawFor, unescapeBytes } from './reproduce.ts'

describe('reproduce lines', () => {
  it('send curl to the example port, whatever port the test used', () => {
    expect(curlFor({ method: 'POST', path: '/echo', body: "it's", headers: { 'x-a': '1' } })).toBe(
      "curl -i -X POST -H 'x-a: 1' --data-binary 'it'\\''s' 'http://127.0.0.1:8080/echo'",
    )
  })

  it('escape raw bytes so that course send reads back exactly the same bytes', () => {
    const bytes = Buffer.from('GET / HTTP/1.1\r\nX: a\\b\t\x00\xff\r\n\r\n', 'latin1')
    const text = escapeBytes(bytes)
    expect(text).toBe('GET / HTTP/1.1\\r\\nX: a\\\\b\\t\\x00\\xff\\r\\n\\r\\n')
    expect(unescapeBytes(text).equals(bytes)).toBe(true)
  })

  it('name the trickle a slow-client test used', () => {
    expect(rawFor('GET /\r\n', { trickleMs: 100 })).toBe(
      "pnpm course send --port 8080 --raw 'GET /\\r\\n' --trickle 100",
    )
  })

  it('put each reproduce line of a failure on a line of its own', () => {
    const message = failure({
      expected: 'a',
      actual: 'b',
      reproduce: 'pnpm course serve 01 -- --port 8080\nthen: curl x',
    }).message
    expect(message.split('\n')).toEqual([
      'expected:  a',
      'actual:    b',
      'reproduce: pnpm course serve 01 -- --port 8080',
      '           then: curl x',
    ])
  })
})
