// A backend for benchmarks: the course's app on node:http with keep-alive,
// nothing else (no logging), so a proxy in front is what gets measured.
import { createServer } from 'node:http'
import { blockingNodeHttpHandler } from '@course/common/http'
import { parseServerArgs, serveLesson } from '@course/common/serve'

const { port } = parseServerArgs('node-http-backend', {})
await serveLesson(`node:http backend ${process.pid}`, port, () =>
  createServer(blockingNodeHttpHandler),
)
