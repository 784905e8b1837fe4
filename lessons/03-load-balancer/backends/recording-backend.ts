// A backend for experiments: the course's app on node:http with keep-alive,
// printing one JSON line per connection and per request on stdout, so a test
// can count what reached it. `--hold-ms N` holds every request N ms before
// serving it (blocking, as a sync worker would): a slow backend. SIGUSR2
// turns its health check (GET /healthz) from 200 to 503 and back, so a test
// can fail the balancer's active checks while every other request succeeds.

import { createServer } from 'node:http'
import { blockingNodeHttpHandler } from '@course/common/http'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { blockingSleep } from '@course/common/work'
import type { BackendEvent } from './events.ts'

const args = parseServerArgs('recording-backend', { 'hold-ms': { max: 60_000, default: 0 } })
const holdMs = args['hold-ms'] ?? 0
const log = (event: BackendEvent) => console.log(JSON.stringify(event))

let healthy = true
process.on('SIGUSR2', () => {
  healthy = !healthy
  log({ event: 'health', healthy })
})

const server = createServer((req, res) => {
  log({ event: 'request', method: req.method ?? '', target: req.url ?? '', headers: req.headers })
  if (!healthy && req.url === '/healthz') {
    res.writeHead(503, { 'content-length': '0' }).end()
    return
  }
  if (holdMs > 0) blockingSleep(holdMs)
  blockingNodeHttpHandler(req, res)
})
server.on('connection', () => log({ event: 'connection' }))
await serveLesson(`Recording backend ${process.pid}`, args.port, () => server)
