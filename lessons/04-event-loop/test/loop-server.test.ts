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
  useServer,
} from '@course/common/harness'
import { burst } from '@course/common/load'
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

describe('the server on your loop', () => {
  it('serves N concurrent waits at once, on one thread, in about the time of one', async () => {
    const N = 8
    const path = '/io?ms=150'
    const reproduce = server().reproduce(
      `for i in $(seq ${N}); do ${curlFor({ path })} & done; wait`,
    )
    const one = await burst(server().baseUrl, { path, n: 1 })
    const many = await burst(server().baseUrl, { path, n: N })
    expect(many.spans.every((span) => span.status === 200)).toBe(true)
    const how = {
      reproduce,
      hint: 'a wait must park the task (yield* sleep(ms)), never block the thread',
    }
    expectConcurrency(many.spans, N, how)
    expectWorkers(many.spans, 1, how)
    // The ideal ratio is 1 (a blocking server gives N); the tolerance absorbs a busy machine.
    expectRatio({
      names: [`${N} concurrent requests, server side`, '1 request, server side'],
      times: [serverSideMs(many.spans), serverSideMs(one.spans)],
      min: 0.9,
      max: 2,
      reproduce,
    })
  })

  it('makes every other request wait while one computes without yielding', async () => {
    const slow = burst(server().baseUrl, { path: '/cpu?n=2000', n: 1 })
    // Let the CPU request reach the server first; the fast ones arrive while it computes.
    await delay(50)
    const fast = await burst(server().baseUrl, { path: '/io?ms=1', n: 3 })
    const cpu = (await slow).spans[0]?.server
    if (!cpu) throw new Error('the CPU request got no x-timeline header')
    const sentDuring = fast.spans.filter((span) => span.sent > cpu.started && span.sent < cpu.ended)
    if (sentDuring.length === 0) {
      throw new Error(
        `The machine was too busy to judge: the CPU request ran from ${cpu.started.toFixed(0)} to ${cpu.ended.toFixed(0)} and no fast request was sent meanwhile`,
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
