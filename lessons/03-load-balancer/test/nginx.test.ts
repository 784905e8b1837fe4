import { setTimeout as delay } from 'node:timers/promises'
import { checkLeaksAfterEach, failure, type ServerProcess } from '@course/common/harness'
import { send } from '@course/common/load'
import { describe, it } from 'vitest'
import { findNginx, INSTALL_NGINX, startNginx } from '../anchors/nginx.ts'
import { backendEvents } from '../backends/events.ts'
import {
  type BackendSpec,
  blocking,
  NAMES,
  startBackend,
  startBalancer,
  startDeployment,
} from './deployment.ts'

const nginx = findNginx()
// CI installs nginx and sets this, so the side-by-side tests can never be skipped there unnoticed.
if (!nginx && process.env.COURSE_REQUIRE_NGINX)
  throw new Error(`COURSE_REQUIRE_NGINX is set, but ${INSTALL_NGINX}`)
if (!nginx) console.warn(INSTALL_NGINX)

checkLeaksAfterEach()

/** Names of the backends that answered 14 requests in a row. */
async function order(baseUrl: string, backends: ServerProcess[]): Promise<string> {
  const pids = backends.map((backend) => backend.pid)
  const names: string[] = []
  for (let i = 0; i < 14; i++) {
    const reply = await send(baseUrl, { path: '/whoami' })
    names.push(NAMES[pids.indexOf(Number(JSON.parse(reply.body.toString()).pid))] ?? '?')
  }
  return names.join(' ')
}

/**
 * Sends one request to a proxy over two backends that hold every request a
 * second, kills the backend it reached, and says what the client got and how
 * many times the backends received it.
 */
async function killDuringRequest(
  method: 'GET' | 'POST',
  start: (backends: ServerProcess[]) => Promise<{ baseUrl: string; stop(): Promise<void> }>,
): Promise<string> {
  const slow: BackendSpec = { kind: 'recording', holdMs: 1_000 }
  const backends = await Promise.all([startBackend(slow), startBackend(slow)])
  const proxy = await start(backends)
  const received = () =>
    backends
      .flatMap((backend) => backendEvents(backend.output()))
      .filter((event) => event.event === 'request' && event.method === method).length
  try {
    const path = method === 'GET' ? '/healthz' : '/echo'
    const reply = send(proxy.baseUrl, {
      method,
      path,
      ...(method === 'POST' ? { body: 'once' } : {}),
    })
    let victim: ServerProcess | undefined
    for (let i = 0; i < 100 && !victim; i++) {
      await delay(20)
      victim = backends.find((backend) =>
        backendEvents(backend.output()).some(
          (event) => event.event === 'request' && event.method === method,
        ),
      )
    }
    process.kill(victim?.pid ?? 0, 'SIGKILL')
    const { status } = await reply
    return `${status}, received ${received()} time${received() === 1 ? '' : 's'}`
  } finally {
    await proxy.stop()
    await Promise.all(backends.map((backend) => backend.stop()))
  }
}

describe.skipIf(!nginx)('side by side with nginx', () => {
  const binary = nginx ?? 'nginx'

  it('sends weights 5, 1, 1 in the same order as nginx: a a b a c a a', async () => {
    const deployment = await startDeployment([{ kind: 'blocking', weight: 5 }, ...blocking(2)], {
      algorithm: 'weighted',
    })
    const weights = [5, 1, 1]
    const anchor = await startNginx(binary, {
      backends: deployment.backends.map((backend, i) => ({
        port: backend.port,
        weight: weights[i] ?? 1,
      })),
    })
    try {
      const fromNginx = await order(anchor.baseUrl, deployment.backends)
      const fromBalancer = await order(deployment.balancer.baseUrl, deployment.backends)
      const expected = 'a a b a c a a a a b a c a a'
      if (fromNginx !== expected || fromBalancer !== expected) {
        throw failure({
          expected: `${expected} from both`,
          actual: `nginx ${fromNginx}; balancer ${fromBalancer}`,
          reproduce:
            'pnpm course serve 03 -- --port 8080 --backends 3 --algorithm weighted --weights 5,1,1, and nginx with "upstream { server ... weight=5; server ...; server ...; }"',
        })
      }
    } finally {
      await anchor.stop()
      await deployment.stop()
    }
  })

  it('retries a GET and not a POST when the backend dies under it, as nginx does', async () => {
    const viaNginx = (backends: ServerProcess[]) =>
      startNginx(binary, { backends: backends.map((backend) => ({ port: backend.port })) })
    const viaBalancer = (backends: ServerProcess[]) => startBalancer(backends)
    const results: string[] = []
    for (const method of ['GET', 'POST'] as const) {
      const anchor = await killDuringRequest(method, viaNginx)
      const ours = await killDuringRequest(method, viaBalancer)
      results.push(`${method}: nginx ${anchor}; balancer ${ours}`)
    }
    const expected = [
      'GET: nginx 200, received 2 times; balancer 200, received 2 times',
      'POST: nginx 502, received 1 time; balancer 502, received 1 time',
    ]
    if (results.join('\n') !== expected.join('\n')) {
      throw failure({
        expected: expected.join(' / '),
        actual: results.join(' / '),
        reproduce:
          'two backends that hold each request; curl through nginx and through pnpm course serve 03 -- --config ..., and kill -9 the backend that got it',
      })
    }
  })
})
