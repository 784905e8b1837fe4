// Exercise 1: turn the bytes a client sent into a request, or into the reason
// it is not one. The server calls this every time more bytes arrive, with
// everything received so far, until the answer is no longer "incomplete".
import { LIMITS } from '@course/common/app'
import type { ParseLimits, ParseResult } from '#types'

const HEAD_END = Buffer.from('\r\n\r\n')
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// A visible target with no spaces: origin-form only (/path?query), as a server behind no proxy sees.
const TARGET = /^\/[\x21-\x7e]*$/
// Field values may hold visible bytes, spaces, tabs and obs-text (0x80-0xff); never CR, LF or NUL.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

export function parseRequest(buffer: Buffer, limits: ParseLimits = LIMITS): ParseResult {
  const headEnd = buffer.indexOf(HEAD_END)
  const head = buffer.subarray(0, headEnd === -1 ? buffer.length : headEnd)
  if (head.length > limits.maxHeaderBytes) {
    return error(431, `The request line and headers exceed ${limits.maxHeaderBytes} bytes`)
  }

  // Fail fast on a bad request line, before a slow client has sent everything.
  const lineEnd = buffer.indexOf('\r\n')
  if (lineEnd === -1) return { kind: 'incomplete' }
  const startLine = parseRequestLine(buffer.subarray(0, lineEnd).toString('latin1'))
  if ('kind' in startLine) return startLine
  if (headEnd === -1) return { kind: 'incomplete' }

  const fields = parseHeaders(head.subarray(lineEnd + 2).toString('latin1'))
  if (fields.kind === 'error') return fields
  const { headers } = fields
  if (startLine.version === 'HTTP/1.1' && headers.host === undefined) {
    return error(400, 'HTTP/1.1 requests must carry a Host header')
  }
  if (headers['transfer-encoding'] !== undefined) {
    return error(501, 'Transfer-Encoding is not supported: send a Content-Length instead')
  }

  const length = contentLength(headers['content-length'])
  if (typeof length === 'string') return error(400, length)
  if (length > limits.maxBodyBytes) {
    return error(413, `The body may hold at most ${limits.maxBodyBytes} bytes, got ${length}`)
  }
  const bodyStart = headEnd + HEAD_END.length
  if (buffer.length < bodyStart + length) return { kind: 'incomplete' }

  return {
    kind: 'request',
    request: {
      method: startLine.method,
      target: startLine.target,
      headers,
      body: buffer.subarray(bodyStart, bodyStart + length),
    },
    consumed: bodyStart + length,
  }
}

type Failure = Extract<ParseResult, { kind: 'error' }>

function error(status: Failure['status'], message: string): Failure {
  return { kind: 'error', status, message }
}

function parseRequestLine(
  line: string,
): { method: string; target: string; version: string } | Failure {
  const parts = line.split(' ')
  if (parts.length !== 3) return error(400, 'The request line must be "METHOD /target HTTP/1.1"')
  const [method = '', target = '', version = ''] = parts
  if (!TOKEN.test(method)) return error(400, `"${method}" is not a valid method`)
  if (!TARGET.test(target)) return error(400, 'The target must start with "/" and hold no spaces')
  if (!/^HTTP\/\d\.\d$/.test(version)) return error(400, `"${version}" is not an HTTP version`)
  if (version !== 'HTTP/1.1' && version !== 'HTTP/1.0') {
    return error(505, `Only HTTP/1.0 and HTTP/1.1 are supported, got ${version}`)
  }
  return { method, target, version }
}

// Tagged, so that a client's header named "kind" can never pass for a failure.
function parseHeaders(
  block: string,
): { kind: 'headers'; headers: Record<string, string> } | Failure {
  const headers: Record<string, string> = {}
  if (block === '') return { kind: 'headers', headers }
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':')
    // No whitespace before the colon and no folded lines: both are request-smuggling tricks.
    const name = line.slice(0, colon)
    if (colon <= 0 || !TOKEN.test(name)) return error(400, `Malformed header line "${line}"`)
    const value = line.slice(colon + 1).trim()
    if (!FIELD_VALUE.test(value)) return error(400, `Header "${name}" holds a forbidden byte`)
    const key = name.toLowerCase()
    const previous = headers[key]
    if (previous !== undefined && SINGLE.has(key) && previous !== value) {
      return error(400, `Two different ${name} headers`)
    }
    headers[key] = previous === undefined || SINGLE.has(key) ? value : `${previous}, ${value}`
  }
  return { kind: 'headers', headers }
}

// Headers that must not be repeated with different values: two hosts or two
// lengths let a proxy and a server disagree on where a request ends.
const SINGLE = new Set(['host', 'content-length'])

function contentLength(raw: string | undefined): number | string {
  if (raw === undefined) return 0
  if (!/^\d{1,15}$/.test(raw)) return `Content-Length must be a whole number, got "${raw}"`
  return Number(raw)
}
