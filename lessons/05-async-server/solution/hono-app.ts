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
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AsyncAppOptions, HonoAppEnv } from '#types'

export function createHonoApp(options: AsyncAppOptions = {}): Hono<HonoAppEnv> {
  const app = new Hono<HonoAppEnv>()
  app.use(timeline)
  app.use(
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
    const url = new URL(c.req.url)
    const request: AppRequest = {
      method: c.req.method,
      target: url.pathname + url.search,
      headers: Object.fromEntries(c.req.raw.headers),
      body: new Uint8Array(await c.req.arrayBuffer()),
    }
    const started = now()
    const response = await runAsync(request, options.cpu ? { cpu: options.cpu } : {})
    c.set('served', { started, ended: now() })
    return respond(c, response)
  })
  // Hono's error layer: whatever a handler or middleware threw ends up here.
  app.onError((error, c) => {
    const status = error instanceof HTTPException ? error.status : 500
    const message = status < 500 ? error.message : 'The server failed'
    return respond(c, errorResponse(status, message))
  })
  return app
}

/** Outermost: stamps every response, the failed ones included, on its way out. */
const timeline: MiddlewareHandler<HonoAppEnv> = async (c, next) => {
  const accepted = now()
  await next()
  const ended = now()
  const served = c.get('served') ?? { started: ended, ended }
  c.res.headers.set('x-timeline', timelineHeader({ accepted, ...served }))
}

function respond(c: Context<HonoAppEnv>, { status, headers, body }: AppResponse): Response {
  return c.body(
    typeof body === 'string' ? body : body.slice(),
    status as ContentfulStatusCode,
    headers,
  )
}
