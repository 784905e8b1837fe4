import { failure } from '@course/common/harness'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/forward-headers.ts'

const { endToEndHeaders, withForwardedFor } =
  await impl.load<typeof Reference>('forward-headers.ts')

describe('endToEndHeaders', () => {
  it('keeps end-to-end headers, names in lower case, repeated ones in order', () => {
    const raw = ['Host', 'example', 'Accept', 'text/html', 'X-Tag', 'one', 'x-tag', 'two']
    expect(endToEndHeaders(raw)).toEqual({
      host: ['example'],
      accept: ['text/html'],
      'x-tag': ['one', 'two'],
    })
  })

  it('drops every hop-by-hop header of RFC 9110 7.6.1', () => {
    const hopByHop = [
      'Connection',
      'Proxy-Connection',
      'Keep-Alive',
      'TE',
      'Trailer',
      'Transfer-Encoding',
      'Upgrade',
    ]
    const raw = ['Host', 'example', ...hopByHop.flatMap((name) => [name, 'x'])]
    const kept = Object.keys(endToEndHeaders(raw))
    if (kept.join() !== 'host') {
      throw failure({
        expected: 'only host left',
        actual: kept.join(', '),
        reproduce: 'pnpm course test forward-headers',
        hint: 'Connection, Proxy-Connection, Keep-Alive, TE, Trailer, Transfer-Encoding and Upgrade end at the proxy',
      })
    }
  })

  it('drops the headers that Connection names, however they are spelled', () => {
    const raw = [
      'Host',
      'h',
      'Connection',
      'keep-alive, X-Secret',
      'connection',
      ' X-Other ',
      'X-Secret',
      's',
      'X-OTHER',
      'o',
      'X-Kept',
      'k',
    ]
    expect(endToEndHeaders(raw)).toEqual({ host: ['h'], 'x-kept': ['k'] })
  })
})

describe('withForwardedFor', () => {
  it('adds the client as X-Forwarded-For', () => {
    expect(withForwardedFor({ host: ['h'] }, '10.0.0.7')).toEqual({
      host: ['h'],
      'x-forwarded-for': ['10.0.0.7'],
    })
  })

  it('appends the client after the addresses already there, never replacing them', () => {
    const headers = { 'x-forwarded-for': ['203.0.113.9', '198.51.100.2, 10.1.1.1'] }
    const actual = withForwardedFor(headers, '127.0.0.1')['x-forwarded-for']
    const expected = ['203.0.113.9, 198.51.100.2, 10.1.1.1, 127.0.0.1']
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw failure({
        expected: JSON.stringify(expected),
        actual: JSON.stringify(actual),
        reproduce:
          "curl -H 'X-Forwarded-For: 203.0.113.9' http://127.0.0.1:8080/ (the backend logs what it got)",
        hint: 'X-Forwarded-For is a list: the first entry is the original client, each proxy appends the one it saw',
      })
    }
  })
})
