import { setTimeout as delay } from 'node:timers/promises'
import { checkLeaksAfterEach, eventually, failure, showFigures } from '@course/common/harness'
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
            'two fast backends and one that holds each request 150 ms; 4 clients sending 18 requests each, once per algorithm',
          hint: 'least-connections and two choices look at inFlight; peak EWMA at the latencies observe() was told',
        })
      }
    } finally {
      await deployment.stop()
    }
  })
})

describe('active health checks', () => {
  it('take a stopped backend out within a few intervals, and bring it back once it answers', async () => {
    const deployment = await startDeployment(blocking(2), {
      healthCheck: { intervalMs: 200, timeoutMs: 150, fall: 2, rise: 2 },
    })
    const [a, b] = deployment.backends
    if (!a || !b) throw new Error('two backends expected')
    /** Pids that answered 6 requests in a row. */
    const answering = async () => {
      const pids = new Set<number>()
      for (let i = 0; i < 6; i++) {
        const reply = await send(deployment.balancer.baseUrl, { path: '/whoami' }, 1_000)
        if (reply.status === 200) pids.add(Number(JSON.parse(reply.body.toString()).pid))
      }
      return pids
    }
    let seen = new Set<number>()
    const how = {
      reproduce:
        'a config with "healthCheck": { "intervalMs": 200, "timeoutMs": 150, "fall": 2, "rise": 2 }; pnpm course serve 03 -- --port 8080 --config balancer.json; kill -STOP <a backend pid>; curl http://127.0.0.1:8080/whoami a few times; kill -CONT <its pid>',
      hint: 'count consecutive results per backend: fall failures set failingChecks, rise successes clear it',
      timeoutMs: 6_000,
      actual: () => `6 requests in a row answered by ${[...seen].join(', ') || 'no backend'}`,
    }
    try {
      process.kill(a.pid, 'SIGSTOP')
      // Let the checks see it silent before sending it anything.
      await delay(1_000)
      await eventually(
        async () => {
          seen = await answering()
          return seen.size === 1 && seen.has(b.pid)
        },
        { what: `only ${b.pid} answering while ${a.pid} is stopped`, ...how },
      )
      process.kill(a.pid, 'SIGCONT')
      await eventually(
        async () => {
          seen = await answering()
          return seen.has(a.pid)
        },
        { what: `${a.pid} answering again once it runs`, ...how },
      )
    } finally {
      process.kill(a.pid, 'SIGCONT')
      await deployment.stop()
    }
  })
})
