import { LIMITS } from '@course/common/app'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/parse-request.ts'

const { parseRequest } = await impl.load<typeof Reference>('parse-request.ts')
const bytes = (text: string) => Buffer.from(text, 'latin1')
const parse = (text: string) => parseRequest(bytes(text), LIMITS)
/** The result with its body as a plain array of bytes: any Uint8Array, Buffer or not, will do. */
const withPlainBody = (result: ReturnType<typeof parse>) =>
  result.kind === 'request'
    ? { ...result, request: { ...result.request, body: [...result.request.body] } }
    : result

describe('parseRequest', () => {
  it('parses a GET request line and lower-cases header names', () => {
    const text = 'GET /io?ms=5 HTTP/1.1\r\nHost: a\r\nX-Trace: 1\r\n\r\n'
    expect(withPlainBody(parse(text))).toEqual({
      kind: 'request',
      request: {
        method: 'GET',
        target: '/io?ms=5',
        headers: { host: 'a', 'x-trace': '1' },
        body: [],
      },
      consumed: text.length,
    })
  })

  it('waits for more bytes until the headers end', () => {
    for (const partial of ['', 'GET', 'GET / HTTP/1.1', 'GET / HTTP/1.1\r\nHost: a\r\n']) {
      expect(parse(partial), JSON.stringify(partial)).toEqual({ kind: 'incomplete' })
    }
  })

  it('reads a body of exactly Content-Length bytes', () => {
    const request = 'POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello'
    // The bytes after the body belong to the next request, not to this one.
    const result = parse(`${request}GET / HTTP/1.1`)
    expect(result.kind).toBe('request')
    if (result.kind !== 'request') return
    expect(Buffer.from(result.request.body).toString()).toBe('hello')
    expect(result.consumed).toBe(request.length)
  })

  it('waits for the rest of a body that has not arrived yet', () => {
    expect(parse('POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhel')).toEqual({
      kind: 'incomplete',
    })
  })

  it('accepts HTTP/1.0 without a Host header', () => {
    expect(parse('GET / HTTP/1.0\r\n\r\n').kind).toBe('request')
  })

  it.each([
    ['an empty request line', '\r\n\r\n'],
    ['a missing target', 'GET HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['an extra space', 'GET  / HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['a lower-case protocol', 'GET / http/1.1\r\nHost: a\r\n\r\n'],
    ['a target without a slash', 'GET io HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['a method with a bad character', 'G(T / HTTP/1.1\r\nHost: a\r\n\r\n'],
  ])('rejects a malformed request line with 400: %s', (_, text) => {
    expect(parse(text)).toMatchObject({ kind: 'error', status: 400 })
  })

  it('rejects a bad request line as soon as the line is complete', () => {
    expect(parse('BAD REQUEST LINE HERE\r\n')).toMatchObject({ kind: 'error', status: 400 })
  })

  it.each([
    ['no colon', 'Host a'],
    ['a space before the colon', 'Host : a'],
    ['an empty name', ': a'],
    ['a folded line', 'Host: a\r\n  folded'],
    ['a NUL byte in a value', 'X-A: a\u0000b'],
  ])('rejects malformed header lines with 400: %s', (_, line) => {
    expect(parse(`GET / HTTP/1.1\r\nHost: a\r\n${line}\r\n\r\n`)).toMatchObject({
      kind: 'error',
      status: 400,
    })
  })

  it('rejects an HTTP/1.1 request without Host', () => {
    expect(parse('GET / HTTP/1.1\r\n\r\n')).toMatchObject({ kind: 'error', status: 400 })
  })

  it('answers headers over the limit with 431', () => {
    const big = `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(LIMITS.maxHeaderBytes)}\r\n\r\n`
    expect(parse(big)).toMatchObject({ kind: 'error', status: 431 })
    // Even before the headers end: a client must not make us buffer for ever.
    expect(parse(big.slice(0, LIMITS.maxHeaderBytes + 10))).toMatchObject({
      kind: 'error',
      status: 431,
    })
  })

  it('answers a body over the limit with 413 before reading it', () => {
    const head = `POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: ${LIMITS.maxBodyBytes + 1}\r\n\r\n`
    expect(parse(head)).toMatchObject({ kind: 'error', status: 413 })
  })

  it('answers Transfer-Encoding with 501', () => {
    const text =
      'POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'
    expect(parse(text)).toMatchObject({ kind: 'error', status: 501 })
  })

  it('answers an unknown HTTP version with 505', () => {
    expect(parse('GET / HTTP/2.0\r\nHost: a\r\n\r\n')).toMatchObject({ kind: 'error', status: 505 })
  })

  it.each([
    ['not a number', 'Content-Length: five'],
    ['negative', 'Content-Length: -1'],
    ['two different values', 'Content-Length: 1\r\nContent-Length: 2'],
    ['two hosts', 'Host: b'],
  ])('rejects a bad or conflicting Content-Length or Host with 400: %s', (_, line) => {
    expect(parse(`POST /echo HTTP/1.1\r\nHost: a\r\n${line}\r\n\r\nab`)).toMatchObject({
      kind: 'error',
      status: 400,
    })
  })
})

interface GeneratedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: Uint8Array
}

const requests: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.stringMatching(/^\/[a-z0-9/?=&._-]{0,30}$/),
  headers: fc.dictionary(
    fc.stringMatching(/^x-[a-z0-9-]{1,12}$/),
    fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/),
    { maxKeys: 5 },
  ),
  body: fc.uint8Array({ maxLength: 200 }),
})

function encode(request: GeneratedRequest): Buffer {
  const lines = [`${request.method} ${request.path} HTTP/1.1`, 'Host: localhost']
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`)
  lines.push(`Content-Length: ${request.body.byteLength}`)
  return Buffer.concat([bytes(`${lines.join('\r\n')}\r\n\r\n`), Buffer.from(request.body)])
}

describe('parseRequest, on generated input', () => {
  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const result = parseRequest(Buffer.from(input), LIMITS)
        expect(['incomplete', 'request', 'error']).toContain(result.kind)
        if (result.kind === 'error') expect(result.status).toBeGreaterThanOrEqual(400)
      }),
      { numRuns: 2_000 },
    )
  })

  it('never throws on hostile mutations of a valid request', () => {
    fc.assert(
      fc.property(requests, fc.nat(), fc.integer({ min: 0, max: 255 }), (request, at, byte) => {
        const input = encode(request)
        input[at % input.length] = byte
        const result = parseRequest(input, LIMITS)
        expect(['incomplete', 'request', 'error']).toContain(result.kind)
      }),
      { numRuns: 2_000 },
    )
  })

  it('parses any valid request, however the bytes are split', () => {
    fc.assert(
      fc.property(requests, fc.nat(), (request, cut) => {
        const input = encode(request)
        const split = cut % input.length
        expect(parseRequest(input.subarray(0, split), LIMITS)).toEqual({ kind: 'incomplete' })
        const result = parseRequest(input, LIMITS)
        expect(result).toMatchObject({
          kind: 'request',
          consumed: input.length,
          request: { method: request.method, target: request.path, headers: request.headers },
        })
        if (result.kind === 'request')
          expect(Buffer.from(result.request.body)).toEqual(Buffer.from(request.body))
      }),
      { numRuns: 1_000 },
    )
  })
})
