// Every failure in the course says what was expected, what happened, and how
// to see it yourself with one command.
import type { RequestSpec } from '../load/send.ts'

/** A curl line that sends the same request to the same server. */
export function curlFor(baseUrl: string, spec: RequestSpec): string {
  const parts = ['curl -i']
  if (spec.method && spec.method !== 'GET') parts.push(`-X ${spec.method}`)
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    parts.push(`-H '${name}: ${value}'`)
  if (spec.body !== undefined) {
    const body =
      typeof spec.body === 'string' ? spec.body : `<${spec.body.byteLength} bytes of binary data>`
    parts.push(`--data-binary '${body.length > 80 ? `${body.slice(0, 80)}...` : body}'`)
  }
  parts.push(`'${new URL(spec.path, baseUrl).href}'`)
  return parts.join(' ')
}

/** A shell line that sends raw bytes, for requests curl cannot make (malformed ones). */
export function ncFor(port: number, bytes: string | Buffer): string {
  const text = Buffer.from(bytes).toString('latin1')
  const shown = text.length > 120 ? `${text.slice(0, 120)}...` : text
  return `printf '${shown.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/'/g, "'\\''")}' | nc 127.0.0.1 ${port}`
}

export class CourseAssertionError extends Error {
  override name = 'CourseAssertionError'
}

/** Builds the three-part failure message: expected, actual (and the figures behind it), reproduce. */
export function failure(what: {
  expected: string
  actual: string
  /** The measurements the verdict was drawn from, when the actual line cannot hold them all. */
  figures?: string
  reproduce: string
  hint?: string
}): CourseAssertionError {
  const lines = [`expected: ${what.expected}`, `actual:   ${what.actual}`]
  if (what.figures) lines.push(`figures:  ${what.figures}`)
  lines.push(
    `reproduce (with the server running, e.g. pnpm course serve <lesson>): ${what.reproduce}`,
  )
  if (what.hint) lines.push(`hint:     ${what.hint}`)
  return new CourseAssertionError(lines.join('\n'))
}
