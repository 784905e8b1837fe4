// One try of one request on one backend: send it through the backend's pool
// of connections, and stream the answer to the client as it arrives. Given to
// you: the exercises decide which backend, and what to do when a try fails.
import { request as httpRequest, type ServerResponse } from 'node:http'
import type { Attempt, HeaderMap } from '#types'
import type { Backend } from './backend.ts'

export interface OutgoingRequest {
  method: string
  /** Path and query, as the client sent them. */
  target: string
  headers: HeaderMap
  /** The whole body (buffered), or the client's request itself (streamed). */
  body: Buffer | NodeJS.ReadableStream
}

export interface Timeouts {
  connectTimeoutMs: number
  readTimeoutMs: number
  /** The headers to send the client, from the backend's raw response headers. */
  responseHeaders: (rawHeaders: string[]) => HeaderMap
}

export function forward(
  backend: Backend,
  outgoing: OutgoingRequest,
  res: ServerResponse,
  { connectTimeoutMs, readTimeoutMs, responseHeaders }: Timeouts,
): Promise<Attempt> {
  const started = performance.now()
  return new Promise((resolve) => {
    let sent = false
    let clientGone = false
    let connectTimer: NodeJS.Timeout | undefined
    // Silence for readTimeoutMs, before or during the answer (nginx's proxy_read_timeout).
    const readTimer = setTimeout(
      () => upstream.destroy(new ReadTimeout(readTimeoutMs)),
      readTimeoutMs,
    )
    const upstream = httpRequest({
      host: backend.url.hostname,
      port: backend.url.port,
      method: outgoing.method,
      path: outgoing.target,
      headers: flatten(outgoing.headers),
      agent: backend.agent,
    })
    const settle = (attempt: Attempt) => {
      clearTimeout(connectTimer)
      clearTimeout(readTimer)
      resolve(attempt)
    }

    const fail = (error: Error) => {
      if (clientGone || res.headersSent) {
        // The client left, or part of the answer already reached it: nothing can be retried.
        res.destroy()
        return settle({ kind: 'cut', message: error.message })
      }
      const reason =
        error instanceof ReadTimeout || error instanceof ConnectTimeout
          ? 'timeout'
          : sent
            ? 'reset'
            : 'connect'
      settle({ kind: 'failed', reason, sent, message: error.message })
    }

    upstream.on('socket', (socket) => {
      // A kept-alive connection is already open: the request goes out at once.
      if (!socket.connecting) {
        sent = true
        return
      }
      connectTimer = setTimeout(
        () => upstream.destroy(new ConnectTimeout(connectTimeoutMs)),
        connectTimeoutMs,
      )
      socket.once('connect', () => {
        clearTimeout(connectTimer)
        sent = true
      })
    })
    upstream.on('error', fail)
    upstream.on('response', (answer) => {
      readTimer.refresh()
      res.writeHead(answer.statusCode ?? 502, flatten(responseHeaders(answer.rawHeaders)))
      answer.on('data', () => readTimer.refresh())
      answer.on('end', () => settle({ kind: 'answered', latencyMs: performance.now() - started }))
      answer.on('error', fail)
      answer.pipe(res)
    })
    // The client went away: stop the try, so the backend's slot is freed at once.
    res.on('close', () => {
      if (res.writableFinished) return
      clientGone = true
      upstream.destroy(new Error('The client went away'))
    })

    if (Buffer.isBuffer(outgoing.body)) upstream.end(outgoing.body)
    else outgoing.body.pipe(upstream)
  })
}

/** One value as a string (node insists for Host), several as a list (Set-Cookie). */
function flatten(headers: HeaderMap): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [
      name,
      values.length === 1 ? (values[0] ?? '') : values,
    ]),
  )
}

class ConnectTimeout extends Error {
  constructor(ms: number) {
    super(`No connection to the backend within ${ms} ms`)
  }
}

class ReadTimeout extends Error {
  constructor(ms: number) {
    super(`The backend said nothing for ${ms} ms`)
  }
}
