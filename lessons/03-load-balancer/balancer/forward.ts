// One try of one request on one backend: send it through the backend's pool
// of connections, and stream the answer to the client as it arrives. Given to
// you: the exercises decide which backend, and what to do when a try fails.
import type { ServerResponse } from 'node:http'
import type { Dispatcher } from 'undici'
import type { Attempt, FailedAttempt, HeaderMap } from '#types'
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
  /** Longest silence from the backend, before or during its answer (nginx's proxy_read_timeout). */
  readTimeoutMs: number
  /** The headers to send the client, from the backend's raw response headers. */
  responseHeaders: (rawHeaders: string[]) => HeaderMap
}

export function forward(
  backend: Backend,
  outgoing: OutgoingRequest,
  res: ServerResponse,
  { readTimeoutMs, responseHeaders }: Timeouts,
): Promise<Attempt> {
  const started = performance.now()
  return new Promise((resolve) => {
    // Set once the request is written on a connected socket: from then on it may have reached the backend.
    let controller: Dispatcher.DispatchController | undefined
    let clientGone = false

    const settle = (attempt: Attempt) => {
      res.off('close', onClientClose)
      resolve(attempt)
    }
    const fail = (error: Error) => {
      if (clientGone || res.headersSent) {
        // The client left, or part of the answer already reached it: nothing can be retried.
        res.destroy()
        return settle({ kind: 'cut', message: error.message })
      }
      settle({ kind: 'failed', ...classify(error, readTimeoutMs, controller !== undefined) })
    }
    // The client went away: stop the try, so the backend's slot is freed at once.
    const onClientClose = () => {
      if (res.writableFinished) return
      clientGone = true
      controller?.abort(new Error('The client went away'))
    }
    res.on('close', onClientClose)

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(control) {
        controller = control
        if (clientGone) control.abort(new Error('The client went away'))
      },
      onResponseStart(control, status) {
        res.writeHead(status, flatten(responseHeaders(rawPairs(control.rawHeaders))))
      },
      onResponseData(control, chunk) {
        // A slow client: stop reading the backend until it has taken what we sent.
        if (!res.write(chunk)) {
          control.pause()
          res.once('drain', () => control.resume())
        }
      },
      onResponseEnd() {
        res.end()
        settle({ kind: 'answered', latencyMs: performance.now() - started })
      },
      onResponseError(_control, error) {
        fail(error)
      },
    }
    try {
      backend.pool.dispatch(
        {
          path: outgoing.target,
          method: outgoing.method as Dispatcher.HttpMethod,
          headers: flatten(outgoing.headers, ANSWERED_HERE),
          // A Buffer, or the client's request (a Readable, which node's types call a ReadableStream).
          body: outgoing.body as Dispatcher.DispatchOptions['body'],
          headersTimeout: readTimeoutMs,
          bodyTimeout: readTimeoutMs,
        },
        handler,
      )
    } catch (error) {
      // A request the upstream client refuses to send (a header value it finds invalid): it never left.
      fail(error as Error)
    }
  })
}

/** Why a try failed, in words, and whether the backend may have seen the request. */
function classify(
  error: Error,
  readTimeoutMs: number,
  written: boolean,
): Pick<FailedAttempt, 'reason' | 'sent' | 'message'> {
  switch ((error as { code?: string }).code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: 'timeout', sent: false, message: 'No connection to the backend in time' }
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        reason: 'timeout',
        sent: true,
        message: `The backend said nothing for ${readTimeoutMs} ms`,
      }
    default:
      return written
        ? { reason: 'reset', sent: true, message: error.message }
        : { reason: 'connect', sent: false, message: error.message }
  }
}

/** The response's headers as name, value, name, value..., in the order the backend sent them. */
function rawPairs(raw: Dispatcher.DispatchController['rawHeaders']): string[] {
  if (Array.isArray(raw)) return raw.map(String)
  return Object.entries(raw ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).flatMap((one) => [name, one]),
  )
}

/**
 * Node's server has already answered the client's `Expect: 100-continue`
 * (with 100 Continue) by the time the body is read: the backend gets the
 * body without asking, as nginx does. undici would refuse to send it anyway.
 */
const ANSWERED_HERE = new Set(['expect'])

/** One value as a string, several as a list (Set-Cookie); the names in `leaveOut` left out. */
function flatten(
  headers: HeaderMap,
  leaveOut?: ReadonlySet<string>,
): Record<string, string | string[]> {
  const flat: Record<string, string | string[]> = {}
  for (const name in headers) {
    if (leaveOut?.has(name)) continue
    const values = headers[name] ?? []
    flat[name] = values.length === 1 ? (values[0] ?? '') : values
  }
  return flat
}
