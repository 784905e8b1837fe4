import { LIMITS } from '@course/common/app'
import { describeContract } from '@course/common/contract'
import {
  checkLeaksAfterEach,
  curlFor,
  expectConcurrency,
  expectRatio,
  expectWorkers,
  failure,
  rawFor,
  sendRaw,
  showFigures,
  useServer,
} from '@course/common/harness'
import { burst } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import { lessonServer } from './lesson-server.ts'

checkLeaksAfterEach()
const server = useServer(lessonServer())

describeContract(server)

describe('the blocking server', () => {
  it('serves one request at a time: no two server-side intervals overlap', async () => {
    const { spans } = await burst(server().baseUrl, { path: '/io?ms=40', n: 6 })
    expect(spans.every((span) => span.status === 200)).toBe(true)
    const how = {
      reproduce: server().reproduce(
        `for i in 1 2 3 4; do ${curlFor({ path: '/io?ms=40' })} & done; wait`,
      ),
    }
    expectConcurrency(spans, 1, how)
    expectWorkers(spans, 1, how)
  })

  it('takes about N times as long for N concurrent requests', async () => {
    const two = await burst(server().baseUrl, { path: '/io?ms=60', n: 2 })
    const six = await burst(server().baseUrl, { path: '/io?ms=60', n: 6 })
    // The ideal ratio is 3; the tolerance absorbs a busy 2-core machine.
    expectRatio({
      names: ['6 requests', '2 requests'],
      times: [six.wallMs, two.wallMs],
      min: 2,
      max: 4.5,
      reproduce: 'pnpm course timeline 01 --n 6 --ms 60',
    })
    showFigures(
      `6 requests of 60 ms took ${Math.round(six.wallMs)} ms, 2 took ${Math.round(two.wallMs)} ms: ${(six.wallMs / two.wallMs).toFixed(2)}x (one at a time predicts 3x)`,
    )
  })

  it('makes every request wait behind a slow one', async () => {
    const slow = burst(server().baseUrl, { path: '/io?ms=300', n: 1 })
    // Let the slow request reach the server first; the fast ones then queue behind it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const fast = await burst(server().baseUrl, { path: '/io?ms=1', n: 3 })
    const slowSpan = (await slow).spans[0]
    for (const span of fast.spans) {
      expect(span.server?.started).toBeGreaterThanOrEqual(slowSpan?.server?.ended ?? Number.NaN)
    }
  })

  it('closes the connection after each response', async () => {
    const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
    const reply = await sendRaw(server().port, [request], { timeoutMs: 3_000 })
    if (reply.status !== 200 || !reply.closedByServer || reply.headers.connection !== 'close') {
      throw failure({
        expected: '200 with "Connection: close", then the server closes the connection',
        actual: `status ${reply.status}, connection: ${reply.headers.connection}, closed by server: ${reply.closedByServer}`,
        reproduce: server().reproduce(rawFor(request)),
        hint: 'end the socket once the response is written: socket.end(bytes)',
      })
    }
  })

  const hostile: Array<[string, number, string]> = [
    ['garbage', 400, 'hello there\r\n\r\n'],
    ['a malformed header', 400, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'],
    [
      'headers over the limit',
      431,
      `GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(LIMITS.maxHeaderBytes)}\r\n\r\n`,
    ],
    [
      'a body over the limit',
      413,
      `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${LIMITS.maxBodyBytes + 1}\r\n\r\n`,
    ],
    [
      'chunked encoding',
      501,
      'POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    ['HTTP/2.0', 505, 'GET / HTTP/2.0\r\nHost: x\r\n\r\n'],
  ]
  for (const [what, status, bytes] of hostile) {
    it(`answers ${what} with ${status} and serves the next request`, async () => {
      const reply = await sendRaw(server().port, [bytes])
      const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
      if (reply.status !== status || next.status !== 200) {
        throw failure({
          expected: `${status} for ${what}, then 200 for the next request`,
          actual: `${reply.status || 'no response'}, then ${next.status || 'no response'}`,
          reproduce: server().reproduce(rawFor(bytes)),
        })
      }
    })
  }

  it('answers a request cut off half way with 400 and keeps serving', async () => {
    const cut = 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc'
    const reply = await sendRaw(server().port, [cut], { halfClose: true })
    expect(reply.status).toBe(400)
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    expect(next.status).toBe(200)
  })

  it('keeps serving after a client hangs up without a word', async () => {
    await sendRaw(server().port, [], { halfClose: true })
    await sendRaw(server().port, ['GET /io?ms=1 HTTP/1.1\r\n'], { halfClose: true })
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    expect(next.status).toBe(200)
  })
})
