// The frameworks alone, for the benchmarks: node:http, Koa and Hono,
// each with one handler that waits `ms` (GET /io?ms=N; no wait without it)
// and answers "ok", none of the course's app around it. What Koa or Hono
// adds to a bare node:http here is the framework's own cost, per waiting
// request and per hello world; what the lesson's servers add beyond that is
// their middleware's.
//
// Run by the benchmark as: BARE_SERVER=node|koa|hono tsx bench/bare-server.ts --port <port>
import { createServer, type RequestListener } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { now } from '@course/common/clock'
import { timelineHeader } from '@course/common/http'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import Koa from 'koa'
import { withHeapReport } from '../bin/heap-report.ts'
import { withLoopDelayReport } from '../bin/loop-delay.ts'

const KINDS = ['node', 'koa', 'hono'] as const
type Kind = (typeof KINDS)[number]

/** Waits as the request asked (?ms=N); answers at once without it, as hello world does. */
async function waitAsAsked(url: string): Promise<void> {
  const ms = Number(new URL(url, 'http://x').searchParams.get('ms') ?? 0)
  if (ms > 0) await sleep(ms)
}

/** The server's own times, so the benchmark can count the requests in flight. */
const timeline = (accepted: number) => timelineHeader({ accepted, started: accepted, ended: now() })

const listeners: Record<Kind, () => RequestListener> = {
  node: () => async (req, res) => {
    const accepted = now()
    await waitAsAsked(req.url ?? '/')
    res.writeHead(200, { 'x-timeline': timeline(accepted) }).end('ok')
  },
  koa: () => {
    const app = new Koa()
    app.use(async (ctx) => {
      const accepted = now()
      await waitAsAsked(ctx.url)
      ctx.set('x-timeline', timeline(accepted))
      ctx.body = 'ok'
    })
    return app.callback()
  },
  hono: () => {
    const app = new Hono()
    app.get('*', async (c) => {
      const accepted = now()
      await waitAsAsked(c.req.url)
      return c.text('ok', 200, { 'x-timeline': timeline(accepted) })
    })
    return getRequestListener(app.fetch)
  },
}

const kind = process.env.BARE_SERVER ?? 'node'
if (!KINDS.includes(kind as Kind)) {
  console.error(`bare-server: BARE_SERVER must be one of ${KINDS.join(', ')}, not "${kind}"`)
  process.exit(2)
}
const { port } = parseServerArgs('bare-server', {})
await serveLesson(`bare ${kind}`, port, () =>
  createServer(withLoopDelayReport(withHeapReport(listeners[kind as Kind]()))),
)
