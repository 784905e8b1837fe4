import { checkLeaksAfterEach, failure, useServer } from '@course/common/harness'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/measure.ts'
import { lessonServer } from './lesson-server.ts'

const { measureStaircase } = await impl.load<typeof Reference>('measure.ts')
const N = 5
const WAIT_MS = 100

checkLeaksAfterEach()
// Exercise 3 measures the reference server, so it does not depend on exercise 2.
const server = useServer(lessonServer([], { COURSE_IMPL: 'solution' }))

describe('measureStaircase', () => {
  it('reports N latencies, shortest first, climbing in steps of about T', async () => {
    const report = await measureStaircase(server().baseUrl, N, WAIT_MS)
    expect(report.latenciesMs).toHaveLength(N)
    const steps = report.latenciesMs
      .slice(1)
      .map((latency, i) => latency - (report.latenciesMs[i] ?? 0))
    const first = report.latenciesMs[0] ?? 0
    if (
      first < WAIT_MS * 0.9 ||
      steps.some((step) => step < WAIT_MS * 0.5 || step > WAIT_MS * 1.8)
    ) {
      throw failure({
        expected: `sorted latencies near ${WAIT_MS}, ${2 * WAIT_MS}, ... ${N * WAIT_MS} ms (steps of about ${WAIT_MS} ms)`,
        actual: `${report.latenciesMs.map(Math.round).join(', ')} ms`,
        reproduce: `pnpm course timeline 01 --n ${N} --ms ${WAIT_MS}`,
        hint: 'a latency is received - sent, for each span; sort them ascending',
      })
    }
  })

  it('predicts N x T and measures a wall time close to it', async () => {
    const report = await measureStaircase(server().baseUrl, N, WAIT_MS)
    expect(report).toMatchObject({ n: N, waitMs: WAIT_MS, predictedMs: N * WAIT_MS })
    expect(report.wallMs / report.predictedMs).toBeGreaterThan(0.9)
    expect(report.wallMs / report.predictedMs).toBeLessThan(1.8)
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
