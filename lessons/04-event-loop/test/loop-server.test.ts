import { setTimeout as delay } from 'node:timers/promises'
import { describeContract } from '@course/common/contract'
import {
  checkLeaksAfterEach,
  curlFor,
  expectConcurrency,
  expectRatio,
  expectWorkers,
  failure,
  sendRaw,
  showFigures,
  useServer,
} from '@course/common/harness'
import { burst } from '@course/common/load'
import { median } from '@course/common/stats'
import { type Span, served } from '@course/common/timeline'
import { describe, expect, it } from 'vitest'
import { lessonServer } from './lesson-server.ts'

checkLeaksAfterEach()
const server = useServer(lessonServer())

describeContract(server)

/** From the first request the server started to the last it ended, by its own clock. */
function serverSideMs(spans: Span[]): number {
  const times = served(spans).map((span) => span.server)
  return Math.max(...times.map((t) => t.ended)) - Math.min(...times.map((t) => t.started))
}

/** The median time one request spent in the server's handler. */
function handlerMs(spans: Span[]): number {
  return median(served(spans).map(({ server }) => server.ended - server.started))
}

describe('the server on your loop', () => {
  it('serves N concurrent waits at once, on one thread, in about the time of one', async () => {
    const N = 8
    const path = '/io?ms=300'
    const reproduce = server().reproduce(
      `for i in $(seq ${N}); do ${curlFor({ path })} & done; wait`,
    )
    const { spans } = await burst(server().baseUrl, { path, n: N })
    expect(spans.every((span) => span.status === 200)).toBe(true)
    const how = {
      reproduce,
      hint: 'a wait must park the task (yield* sleep(ms)), never block the thread',
    }
    expectConcurrency(spans, N, how)
    expectWorkers(spans, 1, how)
    // All N handlers side by side: the burst lasts about one handler's time (N of them
    // one after another would give N). The tolerance absorbs requests arriving late on a busy machine.
    expectRatio({
      names: [`the burst of ${N}, server side`, 'one request in its handler'],
      times: [serverSideMs(spans), handlerMs(spans)],
      min: 1,
      max: 2,
      reproduce,
    })
    showFigures(
      `${N} requests of 300 ms, one thread: served in ${Math.round(serverSideMs(spans))} ms in all, ${Math.round(handlerMs(spans))} ms each (one at a time would take ${N * 300} ms)`,
    )
  })

  it('makes every other request wait while one computes without yielding', async () => {
    const slow = burst(server().baseUrl, { path: '/cpu?n=2000', n: 1 })
    // Fast requests every 40 ms: those sent while the CPU request computes are the ones judged.
    const fast: Array<ReturnType<typeof burst>> = []
    for (let i = 0; i < 5; i++) {
      await delay(40)
      fast.push(burst(server().baseUrl, { path: '/io?ms=1', n: 1 }))
    }
    const cpu = (await slow).spans[0]?.server
    const spans = (await Promise.all(fast)).flatMap((result) => result.spans)
    if (!cpu) throw new Error('the CPU request got no x-timeline header')
    // A few milliseconds of margin: the client's and the server's clocks are two processes' clocks.
    const sentDuring = spans.filter((span) => span.sent > cpu.started + 5 && span.sent < cpu.ended)
    if (sentDuring.length === 0) {
      throw new Error(
        `The machine was too busy to judge: GET /cpu ran for ${(cpu.ended - cpu.started).toFixed(0)} ms and no fast request was sent meanwhile (sent at ${spans.map((span) => (span.sent - cpu.started).toFixed(0)).join(', ')} ms from its start)`,
      )
    }
    for (const span of sentDuring) {
      const started = span.server?.started ?? Number.NaN
      if (!(started >= cpu.ended)) {
        throw failure({
          expected: `a request sent while GET /cpu computed to start only after it ended (at ${cpu.ended.toFixed(1)})`,
          actual: `it started at ${started.toFixed(1)}, ${(cpu.ended - started).toFixed(1)} ms before the CPU work ended`,
          reproduce: server().reproduce(
            `${curlFor({ path: '/cpu?n=2000' })} & sleep 0.05; ${curlFor({ path: '/io?ms=1' })}`,
          ),
        })
      }
    }
    const waited = sentDuring.map((span) => (span.server?.started ?? cpu.ended) - span.sent)
    showFigures(
      `GET /cpu held the thread for ${Math.round(cpu.ended - cpu.started)} ms; requests sent meanwhile waited up to ${Math.round(Math.max(...waited))} ms to start`,
    )
  })

  it('answers garbage with 400 and a request cut off half way with 400, and keeps serving', async () => {
    const garbage = await sendRaw(server().port, ['hello there\r\n\r\n'])
    const cut = await sendRaw(
      server().port,
      ['POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc'],
      { halfClose: true },
    )
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    expect([garbage.status, cut.status, next.status]).toEqual([400, 400, 200])
  })
})
