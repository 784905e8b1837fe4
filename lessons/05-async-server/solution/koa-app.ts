// Exercise 1: the course's app on Koa, as an onion of middleware. Each layer
// runs its "before" part, awaits next() while the inner layers run, then its
// "after" part: the timeline stamps the response on the way out, the error
// layer catches whatever an inner layer threw. The app's waits are awaits, so
// while one request waits the thread serves the others.
import {
  type AppRequest,
  type AppResponse,
  errorResponse,
  LIMITS,
  runAsync,
} from '@course/common/app'
import { now } from '@course/common/clock'
import { hasBody, timelineHeader } from '@course/common/http'
import Koa from 'koa'
import getRawBody from 'raw-body'
import type { CpuRunner, KoaAppOptions } from '#types'

/** What the layers tell each other about the request, through ctx.state. */
interface AppState {
  body: Buffer
  /** When the app itself started and ended; set only if it ran. */
  served?: { started: number; ended: number }
}

type Layer = Koa.Middleware<AppState>

export function createKoaApp(options: KoaAppOptions = {}): Koa {
  const app = new Koa<AppState>()
  app.use(timeline)
  if (options.shedder) app.use(options.shedder)
  app.use(errors)
  app.use(bodyLimit)
  app.use(routes(options.cpu))
  return app
}

/** Outermost: sees every response, the refused and the failed ones included. */
const timeline: Layer = async (ctx, next) => {
  const accepted = now()
  await next()
  const ended = now()
  const { started, ended: appEnded } = ctx.state.served ?? { started: ended, ended }
  ctx.set('x-timeline', timelineHeader({ accepted, started, ended: appEnded }))
}

/** Turns anything an inner layer threw into the course's JSON error, keeping its status and headers. */
const errors: Layer = async (ctx, next) => {
  try {
    await next()
  } catch (error) {
    const status = statusOf(error)
    const { expose = status < 500, headers = {} } = error as HttpErrorFields
    // A 4xx is the client's mistake and its message helps them; a 5xx's message is ours,
    // unless it was written for the client (expose), as a 503's "try again later" is.
    const message = expose ? (error as Error).message : 'The server failed'
    respond(ctx, errorResponse(status, message, headers))
    // Unread body bytes would be read as the next request: end the connection instead.
    if (!ctx.req.complete) ctx.set('connection', 'close')
  }
}

/** What an error made with http-errors (raw-body's, ctx.throw's) carries besides its status. */
interface HttpErrorFields {
  expose?: boolean
  headers?: Record<string, string>
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500
}

/**
 * Reads the whole body, refusing more than the limit before reading it when
 * Content-Length says so. A request without a body (most GETs) has nothing
 * to wait for.
 */
const bodyLimit: Layer = async (ctx, next) => {
  ctx.state.body = hasBody(ctx.req.headers)
    ? await getRawBody(ctx.req, {
        length: ctx.get('content-length') || null,
        limit: LIMITS.maxBodyBytes,
      })
    : NO_BODY
  await next()
}

const NO_BODY = Buffer.alloc(0)

/** The innermost layer: the course's app, its waits awaited, its CPU work where `cpu` says. */
function routes(cpu: CpuRunner | undefined): Layer {
  return async (ctx) => {
    const request: AppRequest = {
      method: ctx.method,
      target: ctx.url,
      headers: ctx.req.headers as Record<string, string>,
      body: ctx.state.body,
    }
    const started = now()
    const response = await runAsync(request, cpu ? { cpu } : {})
    ctx.state.served = { started, ended: now() }
    respond(ctx, response)
  }
}

function respond(ctx: Koa.Context, { status, headers, body }: AppResponse): void {
  ctx.status = status
  // Headers first: Koa guesses a Content-Type from the body only when none is set.
  ctx.set(headers)
  ctx.body =
    typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
}
