// Whether a request that node has parsed carries a body at all. A request
// says so with Content-Length or Transfer-Encoding, and with neither it has
// none (RFC 9112 §6.3): a server need not wait for a body that cannot come.
import type { IncomingHttpHeaders } from 'node:http'

export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined
}
