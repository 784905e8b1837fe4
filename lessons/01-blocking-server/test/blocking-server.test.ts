import { connect } from 'node:net'
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
import { burst, send } from '@course/common/load'
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
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    if (reply.status !== 400 || next.status !== 200) {
      throw failure({
        expected:
          '400 for a body that stops after 3 of its 10 bytes (the client closed its side), then 200 for the next request',
        actual: `${reply.status || 'no response at all'}, then ${next.status || 'no response at all'}`,
        reproduce: server().reproduce(rawFor(cut, { halfClose: true })),
        hint: "when the socket 'end's before parseRequest saw a whole request, answer errorResponse(400, ...)",
      })
    }
  })

  it('makes the clients behind a slow sender wait until its request is in', async () => {
    // One connection at a time means one connection: not one handler. A client
    // still sending holds the server, though no handler runs yet.
    const request = 'GET /io?ms=1 HTTP/1.1\r\nHost: slow.example\r\n\r\n'
    const pieces = [
      request.slice(0, 8),
      request.slice(8, 20),
      request.slice(20, 32),
      request.slice(32),
    ]
    const slow = sendRaw(server().port, pieces, { gapMs: 100 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const fast = await send(server().baseUrl, { path: '/healthz' })
    const slowReply = await slow
    const fastMs = fast.span.received - fast.span.sent
    if (slowReply.status !== 200 || fast.status !== 200 || fastMs < 200) {
      throw failure({
        expected:
          'the second client served only once the first finished sending (3 gaps of 100 ms)',
        actual: `first client: ${slowReply.status || 'no response'}; second: ${fast.status || 'no response'} after ${Math.round(fastMs)} ms`,
        reproduce: server().reproduce(
          `${rawFor(request, { trickleMs: 200 })} & sleep 3; ${curlFor({ path: '/healthz' })}`,
        ),
        hint: 'serve connections, not requests: keep the others paused until the one you serve is done',
      })
    }
  })

  it('keeps serving after a client resets its connection before the answer', async () => {
    // A reset makes the server's write fail: an 'error' on the socket, which
    // crashes the process unless the server listens for it.
    await new Promise<void>((resolve) => {
      const socket = connect(server().port, '127.0.0.1', () => {
        socket.write('GET /io?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n')
        setTimeout(() => {
          socket.resetAndDestroy()
          resolve()
        }, 20)
      })
      socket.on('error', () => resolve())
    })
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    if (next.status !== 200) {
      throw failure({
        expected: '200 for the request after a client reset its connection',
        actual: `${next.status || 'no response: did the server crash?'} (${next.error ?? 'no socket error'})`,
        reproduce: server().reproduce(
          `python3 -c "import socket,struct; s=socket.create_connection(('127.0.0.1',8080)); s.send(b'GET /io?ms=100 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'); s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii',1,0)); s.close()"; ${curlFor({ path: '/healthz' })}`,
        ),
        hint: "give every socket an 'error' listener: socket.on('error', () => socket.destroy())",
      })
    }
  })

  it('keeps serving after a client hangs up without a word', async () => {
    await sendRaw(server().port, [], { halfClose: true })
    await sendRaw(server().port, ['GET /io?ms=1 HTTP/1.1\r\n'], { halfClose: true })
    const next = await sendRaw(server().port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'])
    expect(next.status).toBe(200)
  })
})
