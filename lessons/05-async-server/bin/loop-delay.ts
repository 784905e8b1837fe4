// What the event loop itself says about a stall, measured inside the server:
// perf_hooks.monitorEventLoopDelay() samples how late a timer fires, so its
// max is about the longest time the loop could not run anything. The lesson's
// servers answer GET /_loop-delay with the figures since the last ask, then
// start over: the tests and the benchmark read it around an experiment. After
// a reset the histogram's first tick (every 5 ms) only starts its clock, so
// wait a few ticks before the experiment begins.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export const LOOP_DELAY_PATH = '/_loop-delay'

/** The report's shape, as JSON. */
export interface LoopDelayReport {
  maxMs: number
  meanMs: number
  /** Share of the time the loop was busy running JavaScript, 0 to 1. */
  utilization: number
}

export function withLoopDelayReport(app: RequestListener): RequestListener {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  let since = performance.eventLoopUtilization()
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== LOOP_DELAY_PATH) return app(req, res)
    const report: LoopDelayReport = {
      maxMs: histogram.max / 1e6,
      meanMs: Number.isNaN(histogram.mean) ? 0 : histogram.mean / 1e6,
      utilization: performance.eventLoopUtilization(since).utilization,
    }
    histogram.reset()
    since = performance.eventLoopUtilization()
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify(report)}\n`)
  }
}
