// Exercise 2: the same app on Hono. The onion is the same as Koa's; what
// changes is the currency: a handler takes a web-standard Request and returns
// a Response, so the app runs unchanged wherever fetch() does (Node, Deno,
// Bun, a CDN's edge) and can be tested with app.request(), without a socket.
import {
  type AppRequest,
  type AppResponse,
  errorResponse,
  LIMITS,
  runAsync,
} from '@course/common/app'
import { now } from '@course/common/clock'
import { timelineHeader } from '@course/common/http'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { isHttpError } from 'http-errors'
import type { AsyncAppOptions, HonoAppEnv } from '#types'

const METHODS_WITH_BODY = ['POST', 'PUT', 'PATCH', 'DELETE']

export function createHonoApp(options: AsyncAppOptions = {}): Hono<HonoAppEnv> {
  const app = new Hono<HonoAppEnv>()
  app.use(timeline)
  // Only where a body may come: bodyLimit reads c.req.raw.body, which makes the
  // Node adapter build a full web Request, the slow path it otherwise avoids.
  app.on(
    METHODS_WITH_BODY,
    '*',
    bodyLimit({
      maxSize: LIMITS.maxBodyBytes,
      onError: () => {
        throw new HTTPException(413, {
          message: `The body may hold at most ${LIMITS.maxBodyBytes} bytes`,
        })
      },
    }),
  )
  // The course's app routes by itself; Hono hands it every method and path.
  app.all('*', async (c) => {
    const request: AppRequest = {
      method: c.req.method,
      target: pathAndQuery(c.req.url),
      headers: headersOf(c),
      body: METHODS_WITH_BODY.includes(c.req.method)
        ? new Uint8Array(await c.req.arrayBuffer())
        : new Uint8Array(),
    }
    const started = now()
    const response = await runAsync(request, options.cpu ? { cpu: options.cpu } : {})
    return respond(c, response, { started, ended: now() })
  })
  // Hono's error layer: whatever a handler or middleware threw ends up here.
  app.onError((error, c) => {
    const { status = 500, headers = {}, expose = status < 500 } = httpFieldsOf(error)
    const message = expose ? error.message : 'The server failed'
    return respond(c, errorResponse(status, message, headers))
  })
  return app
}

/**
 * What an error says about its answer: Hono's own errors are HTTPExceptions;
 * a refusal of where /cpu runs (exercise 4's full pool) is made with
 * http-errors, and brings its headers (Retry-After) and whether its message
 * is for the client.
 */
function httpFieldsOf(error: Error): {
  status?: number
  headers?: Record<string, string>
  expose?: boolean
} {
  if (error instanceof HTTPException) return { status: error.status }
  if (!isHttpError(error)) return {}
  return {
    status: error.status,
    headers: error.headers ?? {},
    expose: error.expose,
  }
}

/** Outermost: notes when the request came in, for every response, the failed ones included. */
const timeline: MiddlewareHandler<HonoAppEnv> = async (c, next) => {
  c.set('accepted', now())
  await next()
}

/**
 * A web-standard Response, its headers a plain object with x-timeline among
 * them. @hono/node-server writes such a Response straight to the socket;
 * c.body(body, status, headers) would build a web Headers first, and a header
 * set on a built Response makes the adapter rebuild it (see the chapter).
 */
function respond(
  c: Context<HonoAppEnv>,
  { status, headers, body }: AppResponse,
  served?: { started: number; ended: number },
): Response {
  const ended = now()
  const times = { accepted: c.get('accepted') ?? ended, ...(served ?? { started: ended, ended }) }
  return new Response(typeof body === 'string' ? body : body.slice(), {
    status,
    headers: { ...headers, 'x-timeline': timelineHeader(times) },
  })
}

/** "/io?ms=5" of "http://host:8080/io?ms=5": slicing a string costs far less than parsing a URL. */
function pathAndQuery(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2))
}

/**
 * The request's headers as a record. On Node, the adapter hands over the
 * IncomingMessage (c.env.incoming), whose record node has already built:
 * iterating c.req.raw.headers instead makes the adapter build a web Headers
 * for every request. Elsewhere (app.request() in tests, other runtimes), the
 * web Request is all there is.
 */
function headersOf(c: Context<HonoAppEnv>): Record<string, string> {
  const incoming = c.env?.incoming
  return incoming
    ? (incoming.headers as Record<string, string>)
    : Object.fromEntries(c.req.raw.headers)
}
