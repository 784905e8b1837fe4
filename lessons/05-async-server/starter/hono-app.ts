// Exercise 2: the same app on Hono, on web-standard Request and Response.
//
// The onion is Koa's; the currency changes: a handler gets a Context whose
// c.req wraps a fetch() Request, and returns a Response. So the app runs
// wherever fetch() does, and a test can call app.request('/io?ms=20') with
// no server and no socket. Build createHonoApp(options) with:
//   1. a timeline middleware, first: c.set('accepted', now()), then await next();
//   2. bodyLimit({ maxSize: LIMITS.maxBodyBytes, onError }) from hono/body-limit,
//      whose onError throws new HTTPException(413, { message }) (say the
//      limit: "The body may hold at most 65536 bytes"), registered
//      with app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', ...) only: it
//      reads c.req.raw.body, which makes the Node adapter build a full web
//      Request, the slow path it otherwise avoids;
//   3. app.all('*', handler): the course's app does its own routing. Build an
//      AppRequest (method; target = path + query of c.req.url, sliced from the
//      string rather than parsed with new URL(); headers from
//      c.env?.incoming?.headers when it is there (on Node, the adapter's
//      IncomingMessage: node has built that record already; app.request()
//      in the tests has no c.env), else
//      Object.fromEntries(c.req.raw.headers), which makes the adapter build a
//      web Headers; body from await c.req.arrayBuffer() for POST, PUT, PATCH
//      and DELETE, empty for the others), run it with
//      runAsync(request, { cpu: options.cpu }), and return
//      new Response(body, { status, headers: { ...headers, 'x-timeline': timelineHeader(times) } })
//      (a Uint8Array body copied with body.slice()), where
//      times = { accepted: c.get('accepted'), started, ended }. Headers as a
//      plain object, set as the Response is built: that is the Node adapter's
//      fast path (c.body() builds a web Headers; editing a built Response
//      makes the adapter rebuild it);
//   4. app.onError((error, c) => ...): the course's JSON error (errorResponse)
//      with the HTTPException's status; for an error made with http-errors
//      (isHttpError, e.g. exercise 4's 503 for a full pool) its status and
//      headers, and its message if error.expose; 500 for anything else; a
//      message the client may not see (a 5xx not exposed) becomes
//      "The server failed";
//      stamped with x-timeline too (started = ended = now()).
// bin/serve-hono.ts serves app.fetch on Node with @hono/node-server.
//
// Useful: Hono from hono; bodyLimit from hono/body-limit; HTTPException from
// hono/http-exception; isHttpError from http-errors; errorResponse, LIMITS,
// runAsync from @course/common/app; now from @course/common/clock;
// timelineHeader from @course/common/http.
//
// Run: pnpm course test hono-app     Stuck: pnpm course hint hono-app
import { todo } from '@course/common/todo'
import type { Hono } from 'hono'
import type { AsyncAppOptions, HonoAppEnv } from '#types'

export function createHonoApp(options: AsyncAppOptions = {}): Hono<HonoAppEnv> {
  return todo(
    'lessons/05-async-server/src/hono-app.ts',
    `build the Hono app: timeline, body limit, the app on every route, onError (options: ${Object.keys(options).join(', ') || 'none'})`,
    'hono-app',
  )
}
