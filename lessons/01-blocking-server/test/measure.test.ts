import { checkLeaksAfterEach, failure, showFigures, useServer } from '@course/common/harness'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/measure.ts'
import { lessonServer } from './lesson-server.ts'

const { measureStaircase } = await impl.load<typeof Reference>('measure.ts')
const N = 5
const WAIT_MS = 100
// The last of N latencies of this wait passes 1000 ms: numbers sorted as text
// ("1100" before "220") then come out in the wrong order.
const SORT_WAIT_MS = 220

checkLeaksAfterEach()
// Exercise 3 measures the reference server, so it does not depend on exercise 2.
const server = useServer(lessonServer([], { COURSE_IMPL: 'solution' }))

/** Runs the learner's measureStaircase, timing the whole call from outside. */
async function measured(n: number, waitMs: number) {
  const started = performance.now()
  const report = await measureStaircase(server().baseUrl, n, waitMs)
  return { report, callMs: performance.now() - started }
}

// These bounds hold however busy the machine is: a load can only make the
// staircase steeper, never flatter, and nothing measured inside the call can
// last longer than the call itself.
describe('measureStaircase', () => {
  it('reports N latencies, shortest first, the k-th at least k x T', async () => {
    const { report, callMs } = await measured(N, SORT_WAIT_MS)
    const latencies = report.latenciesMs
    const sorted = latencies.every((latency, i) => i === 0 || latency >= (latencies[i - 1] ?? 0))
    // The k-th request to finish waited for k - 1 others of T each (less a
    // little: the requests leave the client a few milliseconds apart).
    const tooShort = latencies.findIndex((latency, i) => latency < (i + 1) * SORT_WAIT_MS * 0.9)
    const tooLong = latencies.find((latency) => latency > callMs)
    if (latencies.length !== N || !sorted || tooShort !== -1 || tooLong !== undefined) {
      throw failure({
        expected: `${N} latencies, ascending, the k-th at least k x ${SORT_WAIT_MS} ms, none longer than the ${Math.round(callMs)} ms the call took`,
        actual: `${latencies.map(Math.round).join(', ')} ms`,
        reproduce: `pnpm course timeline 01 --n ${N} --ms ${SORT_WAIT_MS}`,
        hint:
          latencies.length === N && !sorted
            ? 'sort the latencies with (a, b) => a - b (the default sort compares numbers as text)'
            : 'a latency is received - sent, for each span',
      })
    }
    showFigures(
      `your staircase, ${N} requests of ${SORT_WAIT_MS} ms at once: ${latencies.map(Math.round).join(', ')} ms`,
    )
  })

  it('predicts N x T and measures a wall time no shorter than it', async () => {
    const { report, callMs } = await measured(N, WAIT_MS)
    expect(report).toMatchObject({ n: N, waitMs: WAIT_MS, predictedMs: N * WAIT_MS })
    const longest = Math.max(...report.latenciesMs)
    if (
      report.wallMs < report.predictedMs * 0.9 ||
      report.wallMs < longest - 1 ||
      report.wallMs > callMs
    ) {
      throw failure({
        expected: `a wall time of at least ${N * WAIT_MS * 0.9} ms (one at a time), at least the longest latency (${Math.round(longest)} ms), at most the ${Math.round(callMs)} ms the call took`,
        actual: `wallMs ${Math.round(report.wallMs)}`,
        reproduce: `pnpm course timeline 01 --n ${N} --ms ${WAIT_MS}`,
        hint: 'take wallMs from what burst() returns',
      })
    }
  })

  it('finds that the blocking server never serves two requests at once', async () => {
    const report = await measureStaircase(server().baseUrl, N, 20)
    expect(report.maxConcurrent).toBe(1)
  })

  it('draws one waterfall row per request, each with a served part', async () => {
    const report = await measureStaircase(server().baseUrl, 3, 30)
    const rows = report.waterfall.split('\n').filter((line) => line.includes('GET /io'))
    expect(rows).toHaveLength(3)
    expect(rows.every((row) => row.includes('#'))).toBe(true)
  })
})
