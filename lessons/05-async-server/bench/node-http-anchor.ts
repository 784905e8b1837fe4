// The anchor of lesson 05's benchmarks: Node's own HTTP server running the
// same app with waits that give the thread back (runAsync). No framework at
// all: what Koa and Hono cost is what they add to this.
import { createServer } from 'node:http'
import { asyncNodeHttpHandler } from '@course/common/http'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { withHeapReport } from '../bin/heap-report.ts'
import { withLoopDelayReport } from '../bin/loop-delay.ts'

const { port } = parseServerArgs('node-http-anchor', {})

await serveLesson('node:http anchor (async)', port, () =>
  createServer(withLoopDelayReport(withHeapReport(asyncNodeHttpHandler))),
)
