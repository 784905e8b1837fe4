import { setTimeout as delay } from 'node:timers/promises'
import {
  checkLeaksAfterEach,
  expectConcurrency,
  expectRatio,
  expectWorkers,
  failure,
  showFigures,
} from '@course/common/harness'
import { burst, send } from '@course/common/load'
import { maxConcurrent, type Span } from '@course/common/timeline'
import { describe, it } from 'vitest'
import { blocking, useDeployment } from './deployment.ts'

checkLeaksAfterEach()

/** The most requests any one backend served at once, from its own timestamps. */
function mostAtOnceOnOneBackend(spans: Span[]): number {
  const backends = new Set(spans.map((span) => span.server?.servedBy))
  return Math.max(
    ...[...backends].map((name) =>
      maxConcurrent(spans.filter((span) => span.server?.servedBy === name)),
    ),
  )
}

describe('k = 1 over 3 blocking backends', () => {
  const deployment = useDeployment(blocking(3), { maxConnPerBackend: 1 })
  const reproduce =
    'pnpm course serve 03 -- --port 8080 --backends 3 --max-conn 1; for i in $(seq 7); do curl -s "http://127.0.0.1:8080/io?ms=1000" & done; wait'

  it('serves N concurrent requests of T in about ceil(N/W) x T, one at a time per backend', async () => {
    const base = deployment().balancer.baseUrl
    const three = await burst(base, { path: '/io?ms=150', n: 3 })
    const seven = await burst(base, { path: '/io?ms=150', n: 7 })
    expectConcurrency(seven.spans, 3, { reproduce })
    expectWorkers(seven.spans, 3, { reproduce })
    const most = mostAtOnceOnOneBackend(seven.spans)
    if (most !== 1) {
      throw failure({
        expected: 'each backend serving one request at a time',
        actual: `${most} at once on one backend`,
        reproduce,
      })
    }
    showFigures(
      `k = 1 over 3 backends: 7 requests of 150 ms in ${Math.round(seven.wallMs)} ms, 3 in ${Math.round(three.wallMs)} ms (${(seven.wallMs / three.wallMs).toFixed(2)}x; ceil(7/3) = 3 rounds)`,
    )
    // 3 requests on 3 backends take one round of T; 7 take ceil(7/3) = 3 rounds.
    expectRatio({
      names: ['7 requests', '3 requests'],
      times: [seven.wallMs, three.wallMs],
      min: 2,
      max: 4.2,
      reproduce,
    })
  })

  it('hands no request to a busy backend while another is free', async () => {
    const base = deployment().balancer.baseUrl
    const slow = send(base, { path: '/io?ms=1200' })
    await delay(150)
    const quick = await burst(base, { path: '/io?ms=50', n: 6 })
    const slowReply = await slow
    const late = quick.spans.filter((span) => span.received > slowReply.span.received)
    if (late.length > 0 || quick.replies.some((reply) => reply.status !== 200)) {
      throw failure({
        expected: '6 quick requests all served by the 2 free backends while the slow one is busy',
        actual: `${late.length} of them waited for the slow request (statuses ${quick.replies.map((reply) => reply.status).join(', ')})`,
        reproduce:
          'pnpm course serve 03 -- --port 8080 --backends 3 --max-conn 1; curl "http://127.0.0.1:8080/io?ms=5000" & for i in $(seq 6); do curl -s "http://127.0.0.1:8080/io?ms=50" & done; wait',
        hint: 'a backend with maxConnPerBackend requests in flight is full: the picker must treat it as down, and the request waits in your queue instead',
      })
    }
  })
})

describe('a queue of 1 with a 300 ms timeout, in front of one backend', () => {
  const deployment = useDeployment(blocking(1), {
    maxConnPerBackend: 1,
    maxQueue: 1,
    queueTimeoutMs: 300,
  })

  it('answers 503 with Retry-After past the queue timeout, and at once past the queue bound', async () => {
    const base = deployment().balancer.baseUrl
    const busy = send(base, { path: '/io?ms=1500' })
    await delay(100)
    const queued = send(base, { path: '/healthz' })
    await delay(50)
    const refused = await send(base, { path: '/healthz' })
    const waited = await queued
    await busy
    const waitedMs = waited.span.received - waited.span.sent
    const ok =
      waited.status === 503 &&
      refused.status === 503 &&
      waited.headers['retry-after'] !== undefined &&
      refused.headers['retry-after'] !== undefined &&
      waitedMs >= 290 &&
      refused.span.received < waited.span.received
    if (!ok) {
      throw failure({
        expected:
          'the queued request: 503 with Retry-After after its 300 ms in the queue; the one after it, with the queue full: 503 with Retry-After at once (before the first)',
        actual: `queued: ${waited.status} after ${Math.round(waitedMs)} ms (retry-after ${waited.headers['retry-after']}); next: ${refused.status} after ${Math.round(refused.span.received - refused.span.sent)} ms (retry-after ${refused.headers['retry-after']})`,
        reproduce:
          'a config with "maxConnPerBackend": 1, "maxQueue": 1, "queueTimeoutMs": 300, then: curl "http://127.0.0.1:8080/io?ms=5000" & curl -i http://127.0.0.1:8080/healthz & curl -i http://127.0.0.1:8080/healthz',
      })
    }
  })
})
