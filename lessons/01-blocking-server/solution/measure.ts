// Exercise 3: measure what one-at-a-time costs. Fire N requests that each
// wait T ms at the same moment, and look at what came back: if the server
// really serves one request at a time, the last one waits about N x T.
import { burst } from '@course/common/load'
import { maxConcurrent, renderWaterfall } from '@course/common/timeline'
import type { StaircaseReport } from '#types'

export async function measureStaircase(
  baseUrl: string,
  n: number,
  waitMs: number,
): Promise<StaircaseReport> {
  const result = await burst(baseUrl, { path: `/io?ms=${waitMs}`, n })
  return {
    n,
    waitMs,
    predictedMs: n * waitMs,
    wallMs: result.wallMs,
    latenciesMs: result.spans.map((span) => span.received - span.sent).sort((a, b) => a - b),
    maxConcurrent: maxConcurrent(result.spans),
    waterfall: renderWaterfall(result.spans),
  }
}
