import type { IncomingMessage, ServerResponse } from 'node:http'
import { runAsync, runBlocking } from '../app/run.ts'
import type { AppRequest, AppResponse } from '../app/types.ts'
import { now } from '../clock.ts'
import { timelineHeader } from '../timeline/header.ts'

/**
 * The course's app on Node's own HTTP server, with blocking waits: the
 * production anchor beside the lessons' hand-made servers. Node's server adds
 * what ours leave out (a C parser, keep-alive), and the timeline header is
 * the same, so both draw the same pictures.
 */
export function blockingNodeHttpHandler(req: IncomingMessage, res: ServerResponse): void {
  serveWith(req, res, runBlocking)
}

/**
 * The same, with waits that give the thread back (runAsync): bare node:http
 * as an async server, the anchor beside lesson 05's Koa and Hono.
 */
export function asyncNodeHttpHandler(req: IncomingMessage, res: ServerResponse): void {
  serveWith(req, res, runAsync)
}

function serveWith(
  req: IncomingMessage,
  res: ServerResponse,
  run: (request: AppRequest) => AppResponse | Promise<AppResponse>,
): void {
  const accepted = now()
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', async () => {
    const request: AppRequest = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    }
    const started = now()
    const response = await run(request)
    res.writeHead(response.status, {
      ...response.headers,
      'x-timeline': timelineHeader({ accepted, started, ended: now() }),
    })
    res.end(response.body)
  })
}
