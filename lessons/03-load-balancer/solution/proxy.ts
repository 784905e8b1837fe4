// Exercise 3: the reverse proxy. It reads each request whole before it
// chooses a backend, so a slow client costs the proxy a little memory and
// never costs a sync backend its only thread. Then it tries the request on
// backends until one answers or a rule says stop, and streams the answer back.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { errorResponse } from '@course/common/app'
import { hasBody } from '@course/common/http'
import type { Backend } from '#backend'
import { BalancerError } from '#errors'
import { forward, type OutgoingRequest } from '#forward'
import type { FailedAttempt, ProxyOptions } from '#types'
import { endToEndHeaders, withForwardedFor } from './forward-headers.ts'

export function createProxy(options: ProxyOptions): Server {
  return createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      console.error('proxy: a request failed unexpectedly:', error)
      answer(res, 500, 'The balancer failed to handle this request')
    })
  })
}

/** One request: refuse it, or read it whole, then send it on. */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ProxyOptions,
): Promise<void> {
  const refused = refusal(req)
  if (refused) return answer(res, 400, refused, { close: true })
  let body: Buffer | IncomingMessage = req
  if (options.requestBuffering ?? true) {
    const read = await readBody(req, options.maxBodyBytes)
    if (read === 'too large') {
      const message = `The body may hold at most ${options.maxBodyBytes} bytes`
      return answer(res, 413, message, { close: true })
    }
    if (read === 'aborted') return
    body = read
  }
  const headers = withForwardedFor(endToEndHeaders(req.rawHeaders), clientOf(req))
  // The body goes on whole, with its length, however the client framed it (chunked included).
  if (Buffer.isBuffer(body)) headers['content-length'] = [String(body.byteLength)]
  const outgoing = { method: req.method ?? 'GET', target: req.url ?? '/', headers, body }
  await proxy(req, res, outgoing, options)
}

/** Tries the request on one backend after another, as the health rules allow. */
async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  outgoing: OutgoingRequest,
  { dispatcher, health, readTimeoutMs }: ProxyOptions,
): Promise<void> {
  const tried = new Set<string>()
  let last: FailedAttempt | undefined
  for (;;) {
    let backend: Backend
    try {
      backend = await dispatcher.acquire(tried)
    } catch (error) {
      if (!(error instanceof BalancerError)) throw error
      // Every backend failed or is out: say why the last one failed, if there was one.
      if (last) return answer(res, last.reason === 'timeout' ? 504 : 502, last.message)
      return answer(res, error.status, error.message, {
        retryAfter: error.retryAfterSeconds,
      })
    }
    tried.add(backend.name)
    if (req.socket.destroyed) {
      // The client gave up while it waited in the queue.
      dispatcher.release(backend)
      return
    }
    const attempt = await forward(backend, outgoing, res, {
      readTimeoutMs,
      responseHeaders: endToEndHeaders,
    })
    if (attempt.kind === 'answered') {
      health.succeeded(backend)
      dispatcher.release(backend, attempt.latencyMs)
      return
    }
    dispatcher.release(backend)
    if (attempt.kind === 'cut') return
    health.failed(backend)
    last = attempt
    if (!health.mayRetry(outgoing.method, attempt, tried.size) || req.socket.destroyed) {
      return answer(res, attempt.reason === 'timeout' ? 504 : 502, attempt.message)
    }
  }
}

/**
 * What node's parser lets through but a proxy must still refuse: two Host
 * headers. (Content-Length with Transfer-Encoding, two Content-Lengths,
 * folded lines and bare CRs never get this far: node answers 400 itself.)
 */
function refusal(req: IncomingMessage): string | undefined {
  const hosts = req.rawHeaders.filter(
    (_, i) => i % 2 === 0 && req.rawHeaders[i]?.toLowerCase() === 'host',
  )
  if (hosts.length > 1) return 'A request may carry one Host header'
  return undefined
}

const NO_BODY = Buffer.alloc(0)

/** The whole body, or why not: over the limit (413), or the client left. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  // No Content-Length, no Transfer-Encoding: no body, nothing to wait for.
  if (!hasBody(req.headers)) return Promise.resolve(NO_BODY)
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.resolve('too large')
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limit) return resolve('too large')
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('close', () => resolve('aborted'))
  })
}

function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

/** The proxy's own answer, in the course's JSON error shape. */
function answer(
  res: ServerResponse,
  status: number,
  message: string,
  { close = false, retryAfter }: { close?: boolean; retryAfter?: number | undefined } = {},
): void {
  if (res.headersSent) return
  const response = errorResponse(status, message)
  res.writeHead(status, {
    ...response.headers,
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    // Unread bytes of a refused request must not be read as the next request.
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(response.body)
}
