import { setTimeout as delay } from 'node:timers/promises'
import { describeContract } from '@course/common/contract'
import {
  checkLeaksAfterEach,
  countPerBackend,
  expectPerBackend,
  failure,
  rawFor,
  type ServerProcess,
  sendRaw,
  showFigures,
  whoServed,
} from '@course/common/harness'
import { burst, type Reply, send } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import { blocking, NAMES, useDeployment } from './deployment.ts'

checkLeaksAfterEach()

/** Names a reply by the backend that served it: a, b, c... in the order of the config. */
function backendName(backends: ServerProcess[]): (reply: Reply) => string | undefined {
  return (reply) => {
    const pid = Number(whoServed(reply)?.split('/')[0])
    const index = backends.findIndex((backend) => backend.pid === pid)
    return index === -1 ? undefined : NAMES[index]
  }
}

/** The backend that answered, by its name in the config (a, b, c...). */
async function servedBy(baseUrl: string, pids: number[]): Promise<string> {
  const reply = await send(baseUrl, { path: '/whoami' })
  const pid = Number(JSON.parse(reply.body.toString()).pid)
  return NAMES[pids.indexOf(pid)] ?? `pid ${pid}`
}

describe('the balancer over 3 blocking backends, round-robin', () => {
  const deployment = useDeployment(blocking(3))
  const balancer = () => deployment().balancer

  describeContract(balancer)

  it('gives 30 requests in turn exactly 10, 10 and 10', async () => {
    const replies: Reply[] = []
    for (let i = 0; i < 30; i++) replies.push(await send(balancer().baseUrl, { path: '/whoami' }))
    expectPerBackend(
      countPerBackend(replies, backendName(deployment().backends)),
      { backends: 3, each: 10 },
      {
        reproduce:
          'pnpm course serve 03 -- --port 8080 --backends 3; for i in $(seq 30); do curl -s http://127.0.0.1:8080/whoami; echo; done | sort | uniq -c',
        hint: 'round-robin: the next backend after the last one picked, whatever happened meanwhile',
      },
    )
  })
})

describe('the balancer over 3 blocking backends weighted 5, 1, 1', () => {
  const deployment = useDeployment(
    [{ kind: 'blocking', weight: 5 }, { kind: 'blocking' }, { kind: 'blocking' }],
    { algorithm: 'weighted' },
  )

  it('sends requests in the order a a b a c a a, cycle after cycle', async () => {
    const pids = deployment().backends.map((backend) => backend.pid)
    const names: string[] = []
    for (let i = 0; i < 14; i++) names.push(await servedBy(deployment().balancer.baseUrl, pids))
    const expected = 'a a b a c a a a a b a c a a'
    if (names.join(' ') !== expected) {
      throw failure({
        expected,
        actual: names.join(' '),
        reproduce:
          'pnpm course serve 03 -- --port 8080 --backends 3 --algorithm weighted --weights 5,1,1; for i in $(seq 14); do curl -s http://127.0.0.1:8080/whoami; echo; done',
      })
    }
  })
})

describe('what reaches a backend', () => {
  const deployment = useDeployment([{ kind: 'recording' }], { poolSize: 4 })

  it('gets X-Forwarded-For with the client appended, and no hop-by-hop header', async () => {
    const headers = {
      'x-forwarded-for': '203.0.113.9',
      connection: 'close, x-secret',
      'x-secret': 'for the proxy only',
      'keep-alive': 'timeout=5',
      'proxy-connection': 'keep-alive',
      'x-kept': 'yes',
    }
    const before = deployment().requests().length
    const reply = await send(deployment().balancer.baseUrl, { path: '/healthz', headers })
    const seen = deployment().requests()[before]?.headers ?? {}
    const problems = [
      seen['x-forwarded-for'] === '203.0.113.9, 127.0.0.1'
        ? ''
        : `x-forwarded-for: ${seen['x-forwarded-for']}`,
      seen['x-kept'] === 'yes' ? '' : 'x-kept missing',
      ...['x-secret', 'keep-alive', 'proxy-connection']
        .filter((name) => name in seen)
        .map((name) => `${name} forwarded`),
      seen.connection?.includes('x-secret') ? `connection: ${seen.connection}` : '',
    ].filter(Boolean)
    if (reply.status !== 200 || problems.length > 0) {
      throw failure({
        expected:
          "status 200; at the backend x-forwarded-for: 203.0.113.9, 127.0.0.1, x-kept: yes, and none of the client's connection, x-secret, keep-alive, proxy-connection",
        actual: `status ${reply.status}; ${problems.join('; ')}`,
        reproduce:
          "pnpm course serve 03 -- --port 8080 --backends 1; curl -H 'X-Forwarded-For: 203.0.113.9' -H 'Connection: close, x-secret' -H 'X-Secret: s' http://127.0.0.1:8080/healthz (the backend must see X-Forwarded-For: 203.0.113.9, 127.0.0.1 and no X-Secret)",
      })
    }
  })

  it('opens at most the pool size of connections to a keep-alive backend for 200 requests', async () => {
    const connections = () =>
      deployment()
        .events(0)
        .filter((event) => event.event === 'connection').length
    const before = connections()
    const statuses: number[] = []
    // Every client says Connection: close to the balancer; the upstream connections live on.
    for (let round = 0; round < 4; round++) {
      const { replies } = await burst(deployment().balancer.baseUrl, { path: '/', n: 50 })
      statuses.push(...replies.map((reply) => reply.status))
    }
    const opened = connections() - before
    showFigures(`200 requests through the balancer over ${opened} upstream connections (pool of 4)`)
    const failed = statuses.filter((status) => status !== 200).length
    if (opened > 4 || failed > 0) {
      throw failure({
        expected: '200 answers over at most 4 upstream connections (poolSize 4)',
        actual: `${failed} failed; the backend accepted ${opened} connections`,
        reproduce:
          'a node:http backend that counts its connections, a balancer with "poolSize": 4, then: for i in $(seq 200); do curl -s http://127.0.0.1:8080/ >/dev/null & done',
        hint: "one pool of keep-alive connections per backend (given), and never forward the client's Connection header: it is about the client's connection, not yours",
      })
    }
  })
})

describe('hostile bytes', () => {
  const deployment = useDeployment([{ kind: 'recording' }, { kind: 'recording' }])

  const hostile: Array<[string, number, string]> = [
    ['garbage', 400, 'hello there\r\n\r\n'],
    [
      'Content-Length with Transfer-Encoding',
      400,
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    [
      'two different Content-Lengths',
      400,
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde',
    ],
    ['a folded header line', 400, 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\n\r\n'],
    ['a bare CR in a header line', 400, 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n'],
    ['two Host headers', 400, 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
    ['headers over 16 KiB', 431, `GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`],
    [
      'a body over the limit',
      413,
      `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n${'a'.repeat(1000)}`,
    ],
    [
      'a chunked body over the limit',
      413,
      `POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n11170\r\n${'a'.repeat(70_000)}\r\n0\r\n\r\n`,
    ],
  ]
  for (const [what, status, bytes] of hostile) {
    it(`answers ${what} with ${status}; no backend sees it, and the next request is served`, async () => {
      const seen = () => deployment().events(0).length + deployment().events(1).length
      const before = seen()
      const reply = await sendRaw(deployment().balancer.port, [bytes])
      const reached = seen() - before
      const next = await send(deployment().balancer.baseUrl, { path: '/healthz' })
      if (reply.status !== status || reached !== 0 || next.status !== 200) {
        throw failure({
          expected: `${status} from the balancer, nothing at the backends, then 200 for the next request`,
          actual: `${reply.status || 'no response'}; the backends saw ${reached} connections or requests; then ${next.status || 'no response'}`,
          reproduce: `pnpm course serve 03 -- --port 8080 --backends 2; ${rawFor(bytes)}`,
          hint: 'node:http refuses most of these itself; the proxy must refuse two Host headers and a body over the limit before choosing a backend',
        })
      }
    })
  }
})

describe('a client that asks before sending its body', () => {
  const deployment = useDeployment([{ kind: 'recording' }])

  it('answers Expect: 100-continue itself and hands the backend the body, not the Expect', async () => {
    const body = 'x'.repeat(2048)
    const reply = await send(deployment().balancer.baseUrl, {
      method: 'POST',
      path: '/echo',
      headers: { expect: '100-continue' },
      body,
    })
    const request = deployment().requests().at(-1)
    const expectSent = request?.headers.expect
    if (reply.status !== 200 || reply.body.toString() !== body || expectSent !== undefined) {
      throw failure({
        expected: '200 with the body echoed, and no Expect header at the backend',
        actual: `${reply.status || 'no response'}, ${reply.body.byteLength} bytes echoed; the backend saw Expect: ${expectSent ?? '(none)'}`,
        reproduce: `pnpm course serve 03 -- --port 8080 --backends 1; curl -si -H 'Expect: 100-continue' --data-binary @package.json http://127.0.0.1:8080/echo`,
        hint: 'curl sends Expect: 100-continue for bodies over 1 KiB; node answers it, and the proxy, having read the body, must not pass it on',
      })
    }
  })
})

describe('a slow client', () => {
  const deployment = useDeployment(blocking(1))
  const REQUEST =
    'GET /io?ms=1 HTTP/1.1\r\nHost: slow.example\r\nX-Pad: abcdefghijklmnopqrstuvwxyz\r\nConnection: close\r\n\r\n'
  const GAP_MS = 100
  const PARTS = 16

  function trickle(text: string, parts: number): string[] {
    const size = Math.ceil(text.length / parts)
    return Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size))
  }

  /** A client trickling `parts` to `port`, and how long a normal request sent meanwhile took. */
  async function slowThenFast(port: number, baseUrl: string, parts: string[]) {
    const slow = sendRaw(port, parts, { gapMs: GAP_MS, timeoutMs: 15_000 })
    await delay(200)
    const fast = await send(baseUrl, { path: '/healthz' })
    return { slow: await slow, fast, fastMs: fast.span.received - fast.span.sent }
  }

  it('trickling its headers over seconds delays no one, where straight at a lesson 01 server it stalls them', async () => {
    const { balancer, backends } = deployment()
    const backend = backends[0]
    if (!backend) throw new Error('no backend')
    const parts = trickle(REQUEST, PARTS)
    const trickleMs = GAP_MS * (PARTS - 1)
    const direct = await slowThenFast(backend.port, backend.baseUrl, parts)
    const proxied = await slowThenFast(balancer.port, balancer.baseUrl, parts)
    showFigures(
      `a request beside a ${trickleMs} ms trickle of headers: ${Math.round(proxied.fastMs)} ms through the balancer, ${Math.round(direct.fastMs)} ms straight at lesson 01`,
    )
    // Straight at the backend, the normal request waits out the trickle: that is what is cured.
    expect(direct.fastMs).toBeGreaterThan(trickleMs / 2)
    if (proxied.slow.status !== 200 || proxied.fastMs > trickleMs / 4) {
      throw failure({
        expected: `the slow client served (200), and a request sent meanwhile answered long before its ${trickleMs} ms trickle ends (straight at the backend it took ${Math.round(direct.fastMs)} ms)`,
        actual: `slow client ${proxied.slow.status || 'no response'}; the other request took ${Math.round(proxied.fastMs)} ms`,
        reproduce: `pnpm course serve 03 -- --port 8080 --backends 1; ${rawFor(REQUEST, { trickleMs: GAP_MS })} & curl http://127.0.0.1:8080/healthz`,
      })
    }
  })

  it('trickling its body over seconds holds no backend: the proxy reads it whole first', async () => {
    const { balancer } = deployment()
    const body = 'x'.repeat(PARTS)
    const head = `POST /echo HTTP/1.1\r\nHost: slow.example\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`
    const parts = [head, ...body]
    const trickleMs = GAP_MS * (parts.length - 1)
    const { slow, fastMs } = await slowThenFast(balancer.port, balancer.baseUrl, parts)
    if (slow.status !== 200 || fastMs > trickleMs / 4) {
      throw failure({
        expected: `the slow POST served (200), and a request sent meanwhile answered long before its ${trickleMs} ms trickle ends`,
        actual: `slow POST ${slow.status || 'no response'}; the other request took ${Math.round(fastMs)} ms`,
        reproduce: `pnpm course serve 03 -- --port 8080 --backends 1; ${rawFor(head + body, { trickleMs: GAP_MS })} & curl http://127.0.0.1:8080/healthz`,
        hint: 'read the whole body (bounded by maxBodyBytes) before you acquire a backend',
      })
    }
  })
})
