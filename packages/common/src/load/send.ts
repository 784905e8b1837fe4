import { request as httpRequest } from 'node:http'
import { now } from '../clock.ts'
import { parseTimelineHeader } from '../timeline/header.ts'
import type { Span } from '../timeline/span.ts'

export interface RequestSpec {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Uint8Array
}

export interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer
  span: Omit<Span, 'id'>
}

/**
 * Sends one request on a connection of its own (no agent, no keep-alive), so
 * no request ever waits for another one's socket on the client side: any
 * queueing you see happened in the server. Never rejects: a failed request
 * comes back with status 0 and the reason.
 */
export function send(baseUrl: string, spec: RequestSpec, timeoutMs = 30_000): Promise<Reply> {
  const method = spec.method ?? 'GET'
  const label = `${method} ${spec.path}`
  const sent = now()
  return new Promise((resolve) => {
    const fail = (error: Error) =>
      resolve({
        status: 0,
        headers: {},
        body: Buffer.alloc(0),
        span: { label, status: 0, sent, received: now(), error: error.message },
      })
    const req = httpRequest(new URL(spec.path, baseUrl), {
      method,
      agent: false,
      headers: { connection: 'close', ...spec.headers },
      timeout: timeoutMs,
    })
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)))
    req.on('error', fail)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', fail)
      res.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(res.headers).map(([name, value]) => [name, String(value)]),
        )
        const status = res.statusCode ?? 0
        const server = parseTimelineHeader(headers['x-timeline'])
        resolve({
          status,
          headers,
          body: Buffer.concat(chunks),
          span: { label, status, sent, received: now(), ...(server ? { server } : {}) },
        })
      })
    })
    req.end(spec.body)
  })
}
