// Exercise 5: refuse work the server cannot do in time. An async server
// accepts every connection it is offered; past its capacity each new request
// only lengthens the wait of all the others, and the tail latency grows with
// the load. A shedder answers 503 at once (with Retry-After, as
// @fastify/under-pressure does) when too many requests are in flight or when
// the event loop runs late, so the requests it does take keep their latency.
import { errorResponse } from '@course/common/app'
import type Koa from 'koa'
import type { LoadShedder, ShedderOptions } from '#types'

/** How often the loop watcher's timer should fire. */
const TICK_MS = 10

export function createLoadShedder({
  maxInFlight = Number.POSITIVE_INFINITY,
  maxEventLoopDelayMs = Number.POSITIVE_INFINITY,
  retryAfterSeconds = 1,
}: ShedderOptions): LoadShedder {
  let inFlight = 0
  const loop = watchLoop()
  const overloaded = () => inFlight >= maxInFlight || loop.lateMs() > maxEventLoopDelayMs

  const middleware: Koa.Middleware = async (ctx, next) => {
    if (overloaded()) return refuse(ctx, retryAfterSeconds)
    inFlight++
    try {
      await next()
    } finally {
      inFlight--
    }
  }
  return { middleware, close: loop.stop }
}

function refuse(ctx: Koa.Context, retryAfterSeconds: number): void {
  const { status, headers, body } = errorResponse(
    503,
    'The server is overloaded: try again later',
    {
      'retry-after': String(retryAfterSeconds),
    },
  )
  ctx.status = status
  ctx.set(headers)
  ctx.body = body
}

/**
 * How late the event loop runs: a timer that should fire every TICK_MS notes
 * how late it fired. Asked between two ticks, the answer is the larger of the
 * last tick's lateness and how overdue the next tick already is, so requests
 * read just after a stall (and during one) see it.
 */
function watchLoop() {
  let due = performance.now() + TICK_MS
  let lastLateMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    lastLateMs = Math.max(0, now - due)
    due = now + TICK_MS
  }, TICK_MS)
  // The watcher alone must not keep the process alive.
  timer.unref()
  return {
    lateMs: () => Math.max(lastLateMs, performance.now() - due),
    stop: () => clearInterval(timer),
  }
}
