// The production anchor measured beside the learner's server: Node's own
// HTTP server, running the same app with the same blocking waits. Like
// gunicorn's sync worker it has one thread, so it too serves one request at a
// time; it differs in everything else (a C parser, keep-alive, buffering).
import { createServer } from 'node:http'
import {
  type AppRequest,
  now,
  parseServerArgs,
  runBlocking,
  serveLesson,
  timelineHeader,
} from '@course/common'

const { port } = parseServerArgs('node-http-anchor', {})

await serveLesson('node:http anchor', port, () =>
  createServer((req, res) => {
    const accepted = now()
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: AppRequest = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }
      const started = now()
      const response = runBlocking(request)
      res.writeHead(response.status, {
        ...response.headers,
        'x-timeline': timelineHeader({ accepted, started, ended: now() }),
      })
      res.end(response.body)
    })
  }),
)
