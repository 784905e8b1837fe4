// Exercise 3: measure what one-at-a-time costs.
//
// Fire n requests of GET /io?ms=<waitMs> at the same moment, with
// burst(baseUrl, { path, n }) from @course/common/load, and fill in a
// StaircaseReport (see ../types.ts) from the spans it returns:
//   - predictedMs: what one-at-a-time predicts for the whole burst;
//   - wallMs: as burst measured it;
//   - latenciesMs: received - sent for every span, shortest first;
//   - maxConcurrent: maxConcurrent(spans), from the server's own timestamps;
//   - waterfall: renderWaterfall(spans).
// (maxConcurrent and renderWaterfall come from @course/common/timeline.)
// The test measures the reference server, so this exercise does not need
// exercise 2 to be finished.
//
// Run: pnpm course test measure     Stuck: pnpm course hint measure
// Then look: pnpm course timeline 01 --n 5 --ms 100
import { todo } from '@course/common/todo'
import type { StaircaseReport } from '#types'

export async function measureStaircase(
  baseUrl: string,
  n: number,
  waitMs: number,
): Promise<StaircaseReport> {
  return todo(
    'lessons/01-blocking-server/src/measure.ts',
    `fire ${n} requests of ${waitMs} ms at ${baseUrl} and report the staircase`,
    'measure',
  )
}
