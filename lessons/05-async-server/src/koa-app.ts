// Exercise 1: the course's app on Koa, one thread, many requests at once.
//
// Koa runs a request through an onion of middleware: each layer does its
// "before" part, awaits next() while the inner layers run, then does its
// "after" part. Build createKoaApp(options) with four layers, outermost first:
//   1. timeline: take accepted = now() on the way in; on the way out set the
//      x-timeline header with timelineHeader({ accepted, started, ended }),
//      where started and ended are when the app ran (layer 4 leaves them in
//      ctx.state; a request the app never ran has started = ended = now());
//   (then options.shedder, if given: exercise 5 plugs in here)
//   2. errors: try { await next() } catch: answer the course's JSON error
//      (errorResponse) with the status of what was thrown (error.status, a
//      4xx or 5xx number), 500 for anything else, and its headers
//      (error.headers, if any); its message if error.expose is true (or, when
//      it does not say, for a 4xx), else 'The server failed'; and if the
//      request's body was not read to the end (ctx.req.complete is false),
//      Connection: close;
//   3. body limit: read the body with getRawBody(ctx.req, { length, limit })
//      from raw-body, where length is the Content-Length header and limit is
//      LIMITS.maxBodyBytes: it throws 413 or 400 errors with a .status;
//   4. routes: build an AppRequest (method, target: ctx.url, headers, body;
//      a Node header can be a string[]: join it with ', '),
//      run it with runAsync(request, { cpu: options.cpu }) and copy the
//      response's status, headers (before the body!) and body onto ctx.
// Return the Koa app; bin/serve-koa.ts serves it with http.createServer(app.callback()).
//
// Useful: Koa from koa; getRawBody from raw-body; errorResponse, LIMITS,
// runAsync from @course/common/app; now from @course/common/clock;
// timelineHeader from @course/common/http.
//
// Run: pnpm course test koa-app     Stuck: pnpm course hint koa-app
import { todo } from '@course/common/todo'
import type Koa from 'koa'
import type { KoaAppOptions } from '#types'

export function createKoaApp(options: KoaAppOptions = {}): Koa {
  return todo(
    'lessons/05-async-server/src/koa-app.ts',
    `build the Koa app: timeline, errors, body limit, routes (options: ${Object.keys(options).join(', ') || 'none'})`,
    'koa-app',
  )
}
