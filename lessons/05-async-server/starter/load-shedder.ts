// Exercise 5: overload, and shedding load.
//
// An async server never says no: every connection is accepted and every
// request starts. Past the server's capacity each new request only makes all
// the others wait longer, and the tail latency grows with the load. Write
// createLoadShedder(options), a Koa middleware that refuses work at once
// instead, as @fastify/under-pressure does:
//   1. count the requests in flight: one more before `await next()`, one
//      fewer after it (in a finally: a failed request is not in flight either);
//   2. before that, if inFlight >= options.maxInFlight, or the event loop
//      runs more than options.maxEventLoopDelayMs late: answer the course's
//      JSON 503 (errorResponse) with a Retry-After header
//      (options.retryAfterSeconds, default 1) and do NOT call next();
//   3. how late the loop runs: a setInterval every 10 ms that notes how late
//      it fired (unref() it, and clear it in close()); between ticks, the
//      lateness is the larger of the last tick's and how overdue the next
//      tick is already.
// Either bound may be left out (no limit). Refuse, never wait for room: a
// shedder that waits is one more queue.
// The server uses it with: pnpm course serve 05 --server koa -- --max-in-flight 4
//
// Useful: errorResponse from @course/common/app; performance.now().
//
// Run: pnpm course test load-shedder     Stuck: pnpm course hint load-shedder
import { todo } from '@course/common/todo'
import type { LoadShedder, ShedderOptions } from '#types'

export function createLoadShedder(options: ShedderOptions): LoadShedder {
  return todo(
    'lessons/05-async-server/src/load-shedder.ts',
    `refuse work past ${JSON.stringify(options)} with a quick 503`,
    'load-shedder',
  )
}
