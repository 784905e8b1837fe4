// What the server's JavaScript heap holds, measured inside it right after a
// full garbage collection. The memory benchmark reads GET /_heap while the
// server is idle and again while a thousand requests wait: garbage not yet
// collected does not count, where resident memory read from outside moves
// by a factor of two with it from run to run.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { collectGarbage } from '@course/common/gc'

export const HEAP_PATH = '/_heap'

/** The report's shape, as JSON: bytes, as process.memoryUsage() gives them. */
export interface HeapReport {
  heapUsed: number
  /** Memory of buffers and other objects held by JavaScript but kept outside its heap. */
  external: number
}

export function withHeapReport(app: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== HEAP_PATH) return app(req, res)
    collectGarbage()
    const { heapUsed, external } = process.memoryUsage()
    const report: HeapReport = { heapUsed, external }
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify(report)}\n`)
  }
}
