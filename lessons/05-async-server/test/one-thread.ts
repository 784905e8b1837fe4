// What exercises 1 and 2 must both show over a socket, whatever the
// framework: many waits at once on one thread, no speed-up for one request
// alone, and bad input answered with its 4xx while the server keeps serving.
import { LIMITS } from '@course/common/app'
import {
  curlFor,
  expectConcurrency,
  expectNoFasterThan,
  expectRatio,
  expectWorkers,
  failure,
  rawFor,
  type ServerProcess,
  sendRaw,
} from '@course/common/harness'
import { burst, send } from '@course/common/load'

/** 100 concurrent /io?ms=400: all in flight at once, on one thread, done in about 400 ms. */
export async function expectHundredWaitsAtOnce(server: ServerProcess, name: 'koa' | 'hono') {
  const path = '/io?ms=400'
  const one = await burst(server.baseUrl, { path, n: 1 })
  // A server that blocks would take 100 x 400 ms: give up long before.
  const hundred = await burst(server.baseUrl, { path, n: 100, timeoutMs: 8_000 })
  const reproduce = `pnpm course timeline 05 --server ${name} --n 100 --ms 400`
  const how = { reproduce, hint: 'await the wait (runAsync), never block the thread for it' }
  expectConcurrency(hundred.spans, 100, how)
  expectWorkers(hundred.spans, 1, how)
  // The ideal ratio is 1; a blocking server would take 100x. The slack is for opening 100 connections on a busy machine.
  expectRatio({
    names: ['100 requests', '1 request'],
    times: [hundred.wallMs, one.wallMs],
    min: 0.8,
    max: 2.5,
    reproduce,
  })
}

/** One GET /io?ms=30 at a time, on the async server and on lesson 01's, interleaved. */
export async function expectNoFasterThanBlocking(server: ServerProcess, blocking: ServerProcess) {
  const path = '/io?ms=30'
  const asyncMs: number[] = []
  const syncMs: number[] = []
  const latency = async (baseUrl: string) => {
    const reply = await send(baseUrl, { path })
    return reply.span.received - reply.span.sent
  }
  // Interleaved, so a busy moment of the machine falls on both alike.
  for (let round = 0; round < 9; round++) {
    asyncMs.push(await latency(server.baseUrl))
    syncMs.push(await latency(blocking.baseUrl))
  }
  // Both wait the same 30 ms: async changes how many wait at once, not how long one takes.
  expectNoFasterThan({
    what: `GET ${path} on the async server`,
    timesMs: asyncMs,
    floor: {
      measuredMs: syncMs,
      fraction: 0.8,
      what: "0.8 of the median on lesson 01's blocking server",
    },
    reproduce: `${server.reproduce(curlFor({ path }))}\nthen the same against lesson 01: ${blocking.serveCommand}`,
  })
}

/** A Content-Length over the limit: 413 from the header alone, then the next request is served. */
export async function expectBodyOverLimitRefused(server: ServerProcess, hint: string) {
  const bytes = `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${LIMITS.maxBodyBytes + 1}\r\n\r\n`
  const reply = await sendRaw(server.port, [bytes], { timeoutMs: 5_000 })
  const next = await send(server.baseUrl, { path: '/healthz' })
  let message: unknown
  try {
    message = JSON.parse(reply.body.toString()).message
  } catch {}
  if (reply.status !== 413 || typeof message !== 'string' || next.status !== 200) {
    throw failure({
      expected:
        '413 with a JSON error (refused from Content-Length, before reading the body), then 200 for the next request',
      actual: `${reply.status || 'no response'} with body ${JSON.stringify(reply.body.toString().slice(0, 120))}, then ${next.status || 'no response'}`,
      reproduce: server.reproduce(rawFor(bytes)),
      hint,
    })
  }
}

/** A body that ends before its Content-Length says: 400, then the next request is served. */
export async function expectCutBodyRefused(server: ServerProcess, hint?: string) {
  const cut = 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc'
  const reply = await sendRaw(server.port, [cut], { halfClose: true, timeoutMs: 5_000 })
  const next = await send(server.baseUrl, { path: '/healthz' })
  if (reply.status !== 400 || next.status !== 200) {
    throw failure({
      expected: '400 for a body shorter than its Content-Length, then 200 for the next request',
      actual: `${reply.status || 'no response'}, then ${next.status || 'no response'}`,
      reproduce: server.reproduce(rawFor(cut)),
      ...(hint ? { hint } : {}),
    })
  }
}
