// Every failure in the course says what was expected, what happened, and how
// to see it yourself. A reproduce line must work as printed on a fresh
// machine, after the test has gone: so it starts the server with the course's
// own command on a fixed example port, then sends the request with curl or
// with the course's raw client (no nc needed).
import type { RequestSpec } from '../load/send.ts'

/** The port every reproduce line uses: the test's own port is gone once the run ends. */
export const EXAMPLE_PORT = 8080
const exampleUrl = `http://127.0.0.1:${EXAMPLE_PORT}`

/** Quotes a word for a POSIX shell. */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`

/** A curl line that sends the same request to a server on the example port. */
export function curlFor(spec: RequestSpec): string {
  const parts = ['curl -i']
  if (spec.method && spec.method !== 'GET') parts.push(`-X ${spec.method}`)
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    parts.push(`-H ${quote(`${name}: ${value}`)}`)
  if (spec.body !== undefined) {
    const body =
      typeof spec.body === 'string' ? spec.body : `<${spec.body.byteLength} bytes of binary data>`
    parts.push(`--data-binary ${quote(body.length > 80 ? `${body.slice(0, 80)}...` : body)}`)
  }
  parts.push(quote(new URL(spec.path, exampleUrl).href))
  return parts.join(' ')
}

/** Bytes as text a shell and `course send --raw` both read back: \r, \n, \t, \\ and \xHH escaped. */
export function escapeBytes(bytes: string | Buffer): string {
  let text = ''
  for (const byte of Buffer.from(bytes as string, 'latin1')) {
    if (byte === 0x0d) text += '\\r'
    else if (byte === 0x0a) text += '\\n'
    else if (byte === 0x09) text += '\\t'
    else if (byte === 0x5c) text += '\\\\'
    else if (byte < 0x20 || byte > 0x7e) text += `\\x${byte.toString(16).padStart(2, '0')}`
    else text += String.fromCharCode(byte)
  }
  return text
}

/** The inverse of escapeBytes. */
export function unescapeBytes(text: string): Buffer {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char !== '\\' || i === text.length - 1) {
      out.push(text.charCodeAt(i) & 0xff)
      continue
    }
    const next = text[++i]
    if (next === 'r') out.push(0x0d)
    else if (next === 'n') out.push(0x0a)
    else if (next === 't') out.push(0x09)
    else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else out.push(text.charCodeAt(i) & 0xff)
  }
  return Buffer.from(out)
}

export interface RawLineOptions {
  /** Send one byte every this many milliseconds, as a slow client does. */
  trickleMs?: number
  /** Close the sending side after the bytes, as a client that gives up mid-request. */
  halfClose?: boolean
}

/** A line that sends raw bytes (requests curl cannot make) to the example port. */
export function rawFor(
  bytes: string | Buffer,
  { trickleMs, halfClose }: RawLineOptions = {},
): string {
  const trickle = trickleMs === undefined ? '' : ` --trickle ${trickleMs}`
  const end = halfClose ? ' --end' : ''
  return `pnpm course send --port ${EXAMPLE_PORT} --raw ${quote(escapeBytes(bytes))}${trickle}${end}`
}

export class CourseAssertionError extends Error {
  override name = 'CourseAssertionError'
}

/**
 * Builds the failure message: expected, actual (and the figures behind it),
 * reproduce (one or more shell lines, usually from ServerProcess.reproduce)
 * and an optional hint.
 */
export function failure(what: {
  expected: string
  actual: string
  /** The measurements the verdict was drawn from, when the actual line cannot hold them all. */
  figures?: string
  reproduce: string
  hint?: string
}): CourseAssertionError {
  const [first = '', ...rest] = what.reproduce.split('\n')
  const lines = [`expected:  ${what.expected}`, `actual:    ${what.actual}`]
  if (what.figures) lines.push(`figures:   ${what.figures}`)
  lines.push(`reproduce: ${first}`, ...rest.map((line) => `           ${line}`))
  if (what.hint) lines.push(`hint:      ${what.hint}`)
  return new CourseAssertionError(lines.join('\n'))
}
