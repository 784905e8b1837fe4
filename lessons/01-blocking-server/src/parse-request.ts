// Exercise 1: parse a request from bytes.
//
// The server calls parseRequest with every byte received so far on a
// connection, each time more arrive, until the answer is not "incomplete".
// Return one of (see ../types.ts):
//   { kind: 'incomplete' }                   more bytes are needed
//   { kind: 'request', request, consumed }   a whole request; consumed = its size in bytes
//   { kind: 'error', status, message }       bad input: the server answers `status` and closes
//
// The rules, each checked by test/parse-request.test.ts:
//   1. The head (request line and headers) ends at the first "\r\n\r\n". A head
//      over limits.maxHeaderBytes is 431, even before it ends.
//   2. The request line is exactly `METHOD /target HTTP/1.1` (or HTTP/1.0), one
//      space apart: otherwise 400. A well-formed other version (HTTP/2.0): 505.
//      Reject a bad request line as soon as its "\r\n" has arrived.
//   3. Header lines are `Name: value`: no space before the colon, no line
//      starting with a space, no control bytes in a value; otherwise 400.
//      Names are lower-cased, values trimmed.
//   4. HTTP/1.1 needs a Host header (400 without), and only one.
//   5. Transfer-Encoding is 501: this server only knows Content-Length.
//   6. Content-Length is digits only (400), at most limits.maxBodyBytes (413,
//      before any body is read). The body is exactly that many bytes after the
//      head; whatever follows belongs to the next request.
//
// Run: pnpm course test parse-request     Stuck: pnpm course hint parse-request
import { LIMITS } from '@course/common/app'
import { todo } from '@course/common/todo'
import type { ParseLimits, ParseResult } from '#types'

export function parseRequest(buffer: Buffer, limits: ParseLimits = LIMITS): ParseResult {
  return todo(
    'lessons/01-blocking-server/src/parse-request.ts',
    `parse the ${buffer.length} bytes received so far (limits: ${limits.maxHeaderBytes} header bytes)`,
    'parse-request',
  )
}
