import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import {
  checkLeaksAfterEach,
  eventually,
  failure,
  type ServerProcess,
  showFigures,
} from '@course/common/harness'
import { closedLoop, send } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import type { Algorithm } from '#types'
import { type BackendSpec, blocking, startDeployment } from './deployment.ts'

checkLeaksAfterEach()

describe('a backend that dies', () => {
  it('costs no GET under load when it is killed with kill -9', async () => {
    const deployment = await startDeployment(blocking(3))
    try {
      const load = closedLoop(deployment.balancer.baseUrl, '/io?ms=20', {
        connections: 6,
        durationSeconds: 1.5,
      })
      await delay(500)
      process.kill(deployment.backends[0]?.pid ?? 0, 'SIGKILL')
      const { errors, latencyMs } = await load
      showFigures(
        `kill -9 of a backend under load: ${latencyMs.count} GETs served, ${errors} failed`,
      )
      if (errors > 0 || latencyMs.count === 0) {
        throw failure({
          expected: '0 failed GETs: the ones on the dead backend retried on the others',
          actual: `${errors} failed, ${latencyMs.count} served`,
          reproduce:
            'pnpm course serve 03 -- --port 8080 --backends 3; while true; do curl -s -o /dev/null -w "%{http_code}\\n" "http://127.0.0.1:8080/io?ms=20"; done; then kill -9 one backend',
          hint: 'a GET whose try failed before any byte reached the client may go to another backend (mayRetry)',
        })
      }
    } finally {
      await deployment.stop()
    }
  })

  it('answers 502 to a POST in flight on it, which reached a backend exactly once', async () => {
    const slow: BackendSpec = { kind: 'recording', holdMs: 1_000 }
    const deployment = await startDeployment([slow, slow])
    try {
      const posts = () => deployment.requests().filter((request) => request.method === 'POST')
      const reply = send(deployment.balancer.baseUrl, {
        method: 'POST',
        path: '/echo',
        body: 'once',
      })
      let victim = -1
      for (let i = 0; i < 50 && victim === -1; i++) {
        await delay(20)
        victim =
          [0, 1].find((index) =>
            deployment
              .events(index)
              .some((event) => event.event === 'request' && event.method === 'POST'),
          ) ?? -1
      }
      process.kill(deployment.backends[victim]?.pid ?? 0, 'SIGKILL')
      const { status } = await reply
      await delay(1_200)
      if (status !== 502 || posts().length !== 1) {
        throw failure({
          expected: 'the POST answered 502, and received by exactly 1 backend',
          actual: `status ${status}; received ${posts().length} times`,
          reproduce:
            'two slow backends; curl -X POST --data once http://127.0.0.1:8080/echo, and kill -9 the backend it reached while it holds it',
          hint: 'a POST that may have reached a backend is never sent again (failure.sent): doing it twice is worse than a 502',
        })
      }
    } finally {
      await deployment.stop()
    }
  })

  it('sends a POST on to another backend when the first refused its connection: nothing reached it', async () => {
    const deployment = await startDeployment([{ kind: 'recording' }, { kind: 'recording' }])
    try {
      const dead = deployment.backends[0]
      process.kill(dead?.pid ?? 0, 'SIGKILL')
      await dead?.exited
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        const reply = await send(deployment.balancer.baseUrl, {
          method: 'POST',
          path: '/echo',
          body: `post ${i}`,
        })
        statuses.push(reply.status)
      }
      const received = deployment
        .events(1)
        .filter((event) => event.event === 'request' && event.method === 'POST').length
      if (statuses.some((status) => status !== 200) || received !== 4) {
        throw failure({
          expected: '4 POSTs answered 200, each received once by the backend that is up',
          actual: `statuses ${statuses.join(', ')}; the live backend received ${received}`,
          reproduce:
            'pnpm course serve 03 -- --port 8080 --backends 2; kill -9 one backend; for i in 1 2 3 4; do curl -s -o /dev/null -w "%{http_code} " -X POST --data x http://127.0.0.1:8080/echo; done',
          hint: 'a refused connection sent nothing (failure.sent is false): any method may go to another backend',
        })
      }
    } finally {
      await deployment.stop()
    }
  })

  it('answers 502 at once when every backend is down, never a hang', async () => {
    const deployment = await startDeployment(blocking(2), { connectTimeoutMs: 5_000 })
    try {
      for (const backend of deployment.backends) process.kill(backend.pid, 'SIGKILL')
      await Promise.all(deployment.backends.map((backend) => backend.exited))
      for (let i = 0; i < 3; i++) {
        const reply = await send(deployment.balancer.baseUrl, { path: '/healthz' })
        const tookMs = reply.span.received - reply.span.sent
        if (reply.status !== 502 || tookMs > 2_500) {
          throw failure({
            expected: '502 well before the 5000 ms connect timeout',
            actual: `${reply.status || 'no response'} after ${Math.round(tookMs)} ms`,
            reproduce:
              'pnpm course serve 03 -- --port 8080 --backends 2; kill -9 both backends; curl -i http://127.0.0.1:8080/healthz',
          })
        }
      }
    } finally {
      await deployment.stop()
    }
  })
  it('answers 504 when the backend says nothing within the read timeout', async () => {
    const deployment = await startDeployment(blocking(1), { readTimeoutMs: 300 })
    try {
      const reply = await send(deployment.balancer.baseUrl, { path: '/io?ms=2000' })
      const tookMs = reply.span.received - reply.span.sent
      if (reply.status !== 504 || tookMs >= 2_000) {
        throw failure({
          expected:
            '504 once the backend has been silent for the 300 ms read timeout, before its 2000 ms answer',
          actual: `${reply.status || 'no response'} after ${Math.round(tookMs)} ms`,
          reproduce:
            'a config with "readTimeoutMs": 300, then: curl -i "http://127.0.0.1:8080/io?ms=2000"',
          hint: "forward() reports a read timeout as a failure with reason 'timeout': answer 504 for it",
        })
      }
    } finally {
      await deployment.stop()
    }
  })
})

describe('a slow backend among fast ones', () => {
  it('gets far fewer requests from least-connections, two choices and peak EWMA than from round-robin', async () => {
    // Two fast backends (lesson 01) and one that holds every request 150 ms.
    const deployment = await startDeployment([...blocking(2), { kind: 'recording', holdMs: 150 }])
    const slowPid = deployment.backends[2]?.pid
    const share = async (algorithm: Algorithm) => {
      const balancer = await deployment.startBalancer({ algorithm })
      try {
        let slow = 0
        let total = 0
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            for (let i = 0; i < 18; i++) {
              const reply = await send(balancer.baseUrl, { path: '/io?ms=10' })
              expect(reply.status).toBe(200)
              total++
              if (reply.span.server?.servedBy.startsWith(`${slowPid}/`)) slow++
            }
          }),
        )
        return slow / total
      } finally {
        await balancer.stop()
      }
    }
    try {
      const roundRobin = await share('round-robin')
      const others: Array<[Algorithm, number]> = []
      for (const algorithm of ['least-connections', 'two-choices', 'peak-ewma'] as const) {
        others.push([algorithm, await share(algorithm)])
      }
      const shown = [['round-robin', roundRobin] as const, ...others]
        .map(([name, value]) => `${name} ${(value * 100).toFixed(0)}%`)
        .join(', ')
      showFigures(`a slow backend's share of the requests: ${shown}`)
      if (others.some(([, value]) => value > roundRobin * 0.6)) {
        throw failure({
          expected:
            "the slow backend's share of requests under each of least-connections, two-choices and peak-ewma at most 0.6 x its share under round-robin (1/3)",
          actual: shown,
          reproduce:
            'pnpm course serve 01 --solution -- --port 8081 & pnpm course serve 01 --solution -- --port 8082 & pnpm -C lessons/03-load-balancer exec tsx backends/recording-backend.ts --port 8083 --hold-ms 150 & then balancer.json naming the three with "algorithm": "least-connections" (then the others); pnpm course serve 03 -- --port 8080 --config balancer.json; for c in 1 2 3 4; do (for i in $(seq 18); do curl -s http://127.0.0.1:8080/whoami; echo; done) & done | sort | uniq -c',
          hint: 'least-connections and two choices look at inFlight; peak EWMA at the latencies observe() was told',
        })
      }
    } finally {
      await deployment.stop()
    }
  })
})

describe('a backend that never accepts the connection', () => {
  // Generous on purpose: the test judges which timeout answered, not how fast.
  const timeouts = { connectTimeoutMs: 500, readTimeoutMs: 20_000 }
  const reproduce =
    'pnpm -C lessons/03-load-balancer exec tsx backends/unaccepting-backend.ts --port 8081; kill -STOP <its pid>; open 2 connections to it (nc 127.0.0.1 8081 &), filling its accept queue; a config with "connectTimeoutMs": 500; curl -i http://127.0.0.1:8080/whoami'

  it('answers 504 after the connect timeout, long before the read timeout', async () => {
    const deployment = await startDeployment([{ kind: 'unaccepting' }], timeouts)
    let held: Socket[] = []
    try {
      held = await neverAccepting(deployment.backends[0])
      const reply = await send(deployment.balancer.baseUrl, { path: '/whoami' })
      const tookMs = reply.span.received - reply.span.sent
      if (reply.status !== 504 || tookMs < 500 || tookMs >= 10_000) {
        throw failure({
          expected:
            '504 once the 500 ms connect timeout has passed, long before the 20000 ms read timeout',
          actual: `${reply.status || 'no response'} after ${Math.round(tookMs)} ms`,
          reproduce,
          hint: "forward() reports a connect timeout as a failure with reason 'timeout': answer 504 for it",
        })
      }
    } finally {
      release(deployment.backends[0], held)
      await deployment.stop()
    }
  })

  it('retries a GET on another backend when the first never accepts the connection', async () => {
    // maxFails 10: the silent backend stays in rotation, so each GET may be sent to it first.
    const deployment = await startDeployment([{ kind: 'unaccepting' }, ...blocking(1)], {
      ...timeouts,
      maxFails: 10,
    })
    const other = deployment.backends[1]?.pid
    let held: Socket[] = []
    try {
      held = await neverAccepting(deployment.backends[0])
      const replies = []
      for (let i = 0; i < 2; i++) {
        replies.push(await send(deployment.balancer.baseUrl, { path: '/whoami' }))
      }
      const shown = replies
        .map((reply) => {
          const by = reply.span.server?.servedBy.split('/')[0] ?? 'nobody'
          return `${reply.status || 'no response'} from ${by} after ${Math.round(reply.span.received - reply.span.sent)} ms`
        })
        .join('; ')
      const waitedFirst = replies.some((reply) => reply.span.received - reply.span.sent >= 500)
      const allFromOther = replies.every(
        (reply) => reply.status === 200 && reply.span.server?.servedBy.startsWith(`${other}/`),
      )
      if (!allFromOther || !waitedFirst) {
        throw failure({
          expected: `both GETs answered 200 by the other backend (${other}), at least one after waiting out the 500 ms connect timeout on the silent one`,
          actual: shown,
          reproduce: `${reproduce}, twice, with a second backend in the config`,
          hint: 'a try that never connected sent nothing (failure.sent is false): it may always go to another backend',
        })
      }
    } finally {
      release(deployment.backends[0], held)
      await deployment.stop()
    }
  })
})

/**
 * Stops an unaccepting backend and fills its accept queue, so every further
 * connect to it hangs: the kernel drops the SYN of a full queue, and the
 * client's retry (after 1 s) finds it full again.
 */
async function neverAccepting(backend: ServerProcess | undefined): Promise<Socket[]> {
  if (!backend) throw new Error('an unaccepting backend expected')
  process.kill(backend.pid, 'SIGSTOP')
  const held: Socket[] = []
  for (let i = 0; i < 8; i++) {
    const socket = connect(backend.port, '127.0.0.1')
    socket.on('error', () => {})
    held.push(socket)
    const timer = new AbortController()
    const connected = await Promise.race([
      once(socket, 'connect').then(() => true),
      delay(1_000, false, { signal: timer.signal }).catch(() => true),
    ])
    timer.abort()
    // Queued a second ago and still not connected: the queue is full.
    if (!connected) return held
  }
  for (const socket of held) socket.destroy()
  throw new Error(
    `the unaccepting backend (pid ${backend.pid}) took 8 connections while stopped: its accept queue should hold 2`,
  )
}

function release(backend: ServerProcess | undefined, held: Socket[]): void {
  for (const socket of held) socket.destroy()
  if (backend) process.kill(backend.pid, 'SIGCONT')
}

describe('active health checks', () => {
  it('take a backend out at its fall-th failed check and not before, and back at exactly its rise-th good one', async () => {
    const fall = 3
    const rise = 2
    const healthCheck = { intervalMs: 500, timeoutMs: 400, fall, rise }
    const deployment = await startDeployment([{ kind: 'recording' }, { kind: 'recording' }], {
      healthCheck,
    })
    const a = deployment.backends[0]
    const reproduce = `tsx lessons/03-load-balancer/backends/recording-backend.ts --port 8081 (and 8082); a config with "healthCheck": ${JSON.stringify(healthCheck)}; pnpm course serve 03 -- --port 8080 --config balancer.json; kill -USR2 <8081's pid> (its /healthz now answers 503); after each check it prints, curl http://127.0.0.1:8080/whoami 4 times`
    /** What a answered /healthz since SIGUSR2 last turned it: the checks it saw, in order. */
    const checksSinceTurn = () => {
      const events = deployment.events(0)
      const turned = events.findLastIndex((event) => event.event === 'health')
      return events
        .slice(turned + 1)
        .filter((event) => event.event === 'request' && event.target === '/healthz').length
    }
    const turns = () => deployment.events(0).filter((event) => event.event === 'health').length
    const story: string[] = []
    const figures = () => story.join('; ')
    /** After a's n-th check since the turn: how many of 4 requests (round-robin over a and b) reach a. */
    const afterCheck = async (n: number, kind: string): Promise<number> => {
      await eventually(() => checksSinceTurn() >= n, {
        what: `backend a's ${kind} check number ${n}`,
        intervalMs: 10,
        timeoutMs: 10 * healthCheck.intervalMs,
        actual: () => `${checksSinceTurn()} checks; so far: ${figures()}`,
        reproduce,
      })
      const before = checksSinceTurn()
      let onA = 0
      for (let i = 0; i < 4; i++) {
        const reply = await send(deployment.balancer.baseUrl, { path: '/whoami' })
        if (reply.span.server?.servedBy.startsWith(`${a?.pid}/`)) onA++
      }
      story.push(`after ${n} ${kind}: a served ${onA} of 4`)
      if (before !== n || checksSinceTurn() !== n) {
        throw failure({
          expected: `4 requests sent between a's check ${n} and check ${n + 1}`,
          actual: `the machine was too busy to judge: a saw ${before} checks before and ${checksSinceTurn()} after the requests (${healthCheck.intervalMs} ms apart)`,
          figures: figures(),
          reproduce,
        })
      }
      return onA
    }
    const turn = async (count: number) => {
      process.kill(a?.pid ?? 0, 'SIGUSR2')
      await eventually(() => turns() === count, {
        what: "backend a's /healthz turned by SIGUSR2",
        reproduce,
      })
    }
    try {
      await turn(1)
      for (let n = 1; n <= fall; n++) {
        const onA = await afterCheck(n, 'failed')
        if (n < fall ? onA === 0 : onA > 0) {
          throw failure({
            expected: `a in rotation after each of its first ${fall - 1} failed checks, out after failed check ${fall} (fall ${fall})`,
            actual: figures(),
            reproduce,
            hint: 'count failed checks in a row per backend: the fall-th sets failingChecks, not one sooner',
          })
        }
      }
      await turn(2)
      for (let n = 1; n <= rise; n++) {
        const onA = await afterCheck(n, 'good')
        if (n < rise ? onA > 0 : onA === 0) {
          throw failure({
            expected: `a out after each of its first ${rise - 1} good checks, back after good check ${rise} (rise ${rise})`,
            actual: figures(),
            reproduce,
            hint: 'count good checks in a row while a backend is out: the rise-th clears failingChecks',
          })
        }
      }
    } finally {
      await deployment.stop()
    }
  })
})
