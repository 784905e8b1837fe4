// Exercise 2: which headers a proxy passes on. Some headers describe one
// connection, not the message: they end at the proxy (RFC 9110 7.6.1). The
// client's address is added to X-Forwarded-For, after any already there.
import type { HeaderMap } from '#types'

/** Hop-by-hop headers: the proxy and its client agree on them, and no one else. */
const HOP_BY_HOP = new Set([
  'connection',
  'proxy-connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * The end-to-end headers of a message, from node's `rawHeaders` (name, value,
 * name, value...): hop-by-hop ones dropped, and so is every header that
 * `Connection` names ("Connection: close, X-Secret" makes X-Secret hop-by-hop).
 */
export function endToEndHeaders(rawHeaders: readonly string[]): HeaderMap {
  const named = new Set<string>()
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'connection') continue
    for (const token of rawHeaders[i + 1]?.split(',') ?? []) named.add(token.trim().toLowerCase())
  }
  const headers: HeaderMap = {}
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]?.toLowerCase() ?? ''
    if (HOP_BY_HOP.has(name) || named.has(name)) continue
    headers[name] = [...(headers[name] ?? []), rawHeaders[i + 1] ?? '']
  }
  return headers
}

/** The headers to send a backend: X-Forwarded-For gains the client, after the proxies before us. */
export function withForwardedFor(headers: HeaderMap, clientAddress: string): HeaderMap {
  const previous = headers['x-forwarded-for'] ?? []
  return { ...headers, 'x-forwarded-for': [[...previous, clientAddress].join(', ')] }
}
