// What every pool of W workers shows from outside, whether the workers are
// processes or threads: W requests at a time, N requests in about ceil(N/W)
// rounds of T, and a graceful stop. Written once, run against both pools.
import { setTimeout as delay } from 'node:timers/promises'
import {
  expectConcurrency,
  expectRatio,
  expectWorkers,
  failure,
  type ServerProcess,
  type StartOptions,
  startServer,
} from '@course/common/harness'
import { burst, send } from '@course/common/load'
import type { Span } from '@course/common/timeline'
import { it } from 'vitest'

export function describePoolShapes(server: () => ServerProcess, timeline: string): void {
  it('serves W requests at once, never more, on W distinct workers', async () => {
    const { spans } = await burst(server().baseUrl, { path: '/io?ms=150', n: 7 })
    const how = { reproduce: `pnpm course timeline ${timeline} --n 7 --ms 150` }
    expectConcurrency(spans, 3, how)
    expectWorkers(spans, 3, how)
  })

  it('takes about ceil(N/W) x T for N requests of T', async () => {
    const three = await burst(server().baseUrl, { path: '/io?ms=120', n: 3 })
    const nine = await burst(server().baseUrl, { path: '/io?ms=120', n: 9 })
    // 3 requests on 3 workers take one round of T; 9 take three rounds. Timed by the
    // server's own clock, from the first request it started to the last it finished:
    // the client's connection set-up, slow on a busy machine, is no part of a round.
    expectRatio({
      names: ['9 requests', '3 requests'],
      times: [servedWindow(nine.spans), servedWindow(three.spans)],
      min: 2,
      max: 4.2,
      reproduce: `pnpm course timeline ${timeline} --n 9 --ms 120`,
    })
  })
}

/** From the first request the server started to the last one it finished, by its own clock. */
function servedWindow(spans: Span[]): number {
  const times = spans.flatMap((span) => (span.server ? [span.server] : []))
  if (times.length < spans.length) return Number.NaN
  return (
    Math.max(...times.map((time) => time.ended)) - Math.min(...times.map((time) => time.started))
  )
}

/** SIGTERM with 2 workers: the 3 requests already accepted finish with 200; a new connection is refused. */
export function itDrainsOnSigterm(pool: StartOptions, hint: string): void {
  it('SIGTERM drains in-flight requests with 200 and refuses new ones', async () => {
    const server = await startServer(pool)
    // Two are being served and the third waits for a worker: all three were accepted.
    const inFlight = burst(server.baseUrl, { path: '/io?ms=600', n: 3 })
    await delay(200)
    server.child.kill('SIGTERM')
    await delay(100)
    const late = await send(server.baseUrl, { path: '/healthz' })
    const statuses = (await inFlight).replies.map((reply) => reply.status)
    await server.exited
    if (statuses.join() !== '200,200,200' || late.status !== 0) {
      throw failure({
        expected:
          'all 3 accepted requests (2 served, 1 waiting) answered 200, then a new connection refused',
        actual: `accepted: ${statuses.join(', ')}; new request: ${late.status || late.span.error}`,
        reproduce: server.reproduce(
          'for i in 1 2 3; do curl "http://127.0.0.1:8080/io?ms=3000" & done; sleep 0.5; kill -TERM <the pid serve printed>',
        ),
        hint,
      })
    }
  })
}
