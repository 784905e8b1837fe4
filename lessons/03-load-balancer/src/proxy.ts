// Exercise 3: the reverse proxy.
//
// Lesson 01 ended on a promise: a sync worker is safe from slow clients only
// behind a proxy that reads each request whole before passing it on. Here it
// is. createProxy returns a node:http server whose handler:
//   1. refuses what node's parser lets through but a proxy must not: two
//      Host headers (400, with "Connection: close": a client that sends that
//      is not one to keep talking to). (Content-Length with
//      Transfer-Encoding, two Content-Lengths, folded lines, bare CRs: node
//      answers 400 itself. Try them: the tests send each one.)
//   2. when options.requestBuffering (true unless set false), reads the
//      whole body before anything else, at most options.maxBodyBytes: more,
//      announced or sent, gets 413 with "Connection: close". Only then may a
//      backend be chosen: a client trickling its body costs you a buffer,
//      not a backend.
//   3. builds the headers for the backend with your forward-headers.ts (the
//      client is req.socket.remoteAddress), and sets content-length to the
//      size of the buffered body;
//   4. tries backends in turn: backend = await options.dispatcher.acquire(tried)
//      (a BalancerError from #errors means: answer its status and message,
//      with Retry-After when it has retryAfterSeconds; but when a try has
//      already failed, answer that last failure instead: 504 after a
//      timeout, else 502); then
//      forward(backend, outgoing, res, { readTimeoutMs,
//      responseHeaders: endToEndHeaders }) from #forward (balancer/forward.ts) streams
//      the answer back and says how the try ended; then
//      options.dispatcher.release(backend, latencyMs). On 'answered', tell
//      options.health it succeeded and stop; on 'cut', stop; on 'failed', tell
//      options.health, and go on to another backend only if
//      options.health.mayRetry(method, attempt, tries); else answer 502
//      (504 when the failure was a timeout).
// Answer errors with the course's JSON shape: errorResponse() from @course/common/app.
//
// Run: pnpm course test proxy     Stuck: pnpm course hint proxy
import type { Server } from 'node:http'
import { todo } from '@course/common/todo'
import type { ProxyOptions } from '#types'

export function createProxy(options: ProxyOptions): Server {
  return todo(
    'lessons/03-load-balancer/src/proxy.ts',
    `a node:http server that buffers each request (at most ${options.maxBodyBytes} bytes) and forwards it`,
    'proxy',
  )
}
