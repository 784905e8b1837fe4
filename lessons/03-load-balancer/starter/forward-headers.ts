// Exercise 2: which headers a proxy passes on.
//
// Some headers describe one connection, not the message, and end at the
// proxy (RFC 9110 section 7.6.1): Connection, Proxy-Connection, Keep-Alive,
// TE, Trailer, Transfer-Encoding, Upgrade, and every header that Connection
// names ("Connection: close, X-Secret" makes X-Secret hop-by-hop too). Forward
// the client's Connection: close and the backend closes a connection your
// pool wanted to keep; forward its Transfer-Encoding and the backend reads a
// body you already decoded.
//
//   1. endToEndHeaders(rawHeaders): node gives headers as a flat list
//      [name, value, name, value...] (req.rawHeaders). Return
//      { 'lower-case-name': [values in order] } without the hop-by-hop ones.
//   2. withForwardedFor(headers, clientAddress): X-Forwarded-For is a list:
//      the original client first, then each proxy's peer. Append the client
//      to whatever is already there (all of it, joined with ", "), never
//      replace it.
//
// Run: pnpm course test forward-headers     Stuck: pnpm course hint forward-headers
import { todo } from '@course/common/todo'
import type { HeaderMap } from '#types'

const file = 'lessons/03-load-balancer/src/forward-headers.ts'

export function endToEndHeaders(rawHeaders: readonly string[]): HeaderMap {
  return todo(
    file,
    `keep the end-to-end ones of ${rawHeaders.length / 2} headers`,
    'forward-headers',
  )
}

export function withForwardedFor(headers: HeaderMap, clientAddress: string): HeaderMap {
  return todo(file, `append ${clientAddress} to X-Forwarded-For`, 'forward-headers')
}
