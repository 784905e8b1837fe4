// Exercise 3: heartbeats, recycling, signals and a graceful stop. Each test
// starts a pool of its own: signals end it, and the options differ.
import { setTimeout as delay } from 'node:timers/promises'
import {
  checkLeaksAfterEach,
  eventually,
  failure,
  startServer,
  useServer,
} from '@course/common/harness'
import { send } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import { MAX_REQUESTS, MAX_TIMEOUT_MS } from '#workers'
import { processPool } from './lesson-servers.ts'
import { itDrainsOnSigterm } from './pool-shapes.ts'
import { workerProcesses } from './process-pool.ts'

checkLeaksAfterEach()

describe('a worker stuck past the timeout', () => {
  const server = useServer(processPool(['--workers', '1', '--timeout-ms', '800']))

  it('is killed and replaced', async () => {
    const [stuck] = workerProcesses(server())
    const reply = await send(server().baseUrl, { path: '/io?ms=6000' })
    const waited = reply.span.received - reply.span.sent
    const how = {
      reproduce:
        'pnpm course serve 02 -- --workers 1 --timeout-ms 800 --port 8080\nthen, in another terminal: curl "http://127.0.0.1:8080/io?ms=6000"',
      hint: 'pass --heartbeat-ms (timeoutMs / 4) to each worker, and kill a ready worker not heard from for timeoutMs',
    }
    if (reply.status !== 0 || waited > 4_000) {
      throw failure({
        expected: 'the stuck worker killed about 800 ms in, its request cut off',
        actual: `status ${reply.status} after ${Math.round(waited)} ms`,
        ...how,
      })
    }
    let replacement: number | undefined
    await eventually(
      () => {
        ;[replacement] = workerProcesses(server())
        return replacement !== undefined && replacement !== stuck
      },
      {
        what: `a new worker in place of the stuck one (${stuck})`,
        timeoutMs: 5_000,
        actual: () => `worker ${replacement ?? 'none'}`,
        ...how,
      },
    )
  })
})

describe('recycling', () => {
  it('recycles a worker after its maximum number of requests', async () => {
    const server = await startServer(processPool(['--workers', '1', '--max-requests', '3']))
    try {
      const pids: number[] = []
      for (let i = 0; i < 9; i++) {
        const reply = await send(server.baseUrl, { path: '/whoami' })
        expect(reply.status).toBe(200)
        pids.push(Number(JSON.parse(reply.body.toString()).pid))
      }
      // 9 requests, 3 per worker: at least 3 different workers served them.
      if (new Set(pids).size < 3) {
        throw failure({
          expected: '9 requests one after another served by at least 3 workers, 3 requests each',
          actual: `served by ${pids.join(', ')}`,
          reproduce:
            'pnpm course serve 02 -- --workers 1 --max-requests 3 --port 8080\nthen, in another terminal: for i in $(seq 9); do curl -s http://127.0.0.1:8080/whoami; echo; done',
          hint: "pass --max-requests to each worker; on { type: 'retiring' } mark it retiring, send it 'stop' and fork its replacement",
        })
      }
    } finally {
      await server.stop()
    }
  })

  it('serves with the smallest and the largest value of every option the command line allows', async () => {
    const [timeout, requests] = [String(MAX_TIMEOUT_MS), String(MAX_REQUESTS)]
    const extremes = {
      smallest: ['--workers', '1', '--timeout-ms', '0', '--graceful-timeout-ms', '0'],
      largest: [
        ...['--workers', '1', '--timeout-ms', timeout, '--graceful-timeout-ms', timeout],
        ...['--max-requests', requests, '--max-requests-jitter', requests],
      ],
    }
    // A worker that refused its arguments would never be ready, and the pool would not start.
    const servers = await Promise.all(
      Object.values(extremes).map((args) => startServer(processPool(args))),
    )
    try {
      // Long enough for a watchdog to fire a few times: with no timeout, none may kill the worker.
      const checks = Object.entries(extremes).map(async ([name, args], index) => {
        const server = servers[index]
        if (!server) return
        const before = workerProcesses(server)
        const reply = await send(server.baseUrl, { path: '/io?ms=1200' })
        const after = workerProcesses(server)
        if (reply.status !== 200 || after.join() !== before.join()) {
          throw failure({
            expected: `with the ${name} values, GET /io?ms=1200 answered 200 by a worker that stays (a --timeout-ms of 0 means no timeout, as in gunicorn)`,
            actual: `status ${reply.status || reply.span.error}; workers ${before.join(', ')} then ${after.join(', ')}`,
            reproduce: `pnpm course serve 02 -- ${args.join(' ')} --port 8080\nthen, in another terminal: curl "http://127.0.0.1:8080/io?ms=1200"`,
          })
        }
      })
      await Promise.all(checks)
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
    }
  })
})

describe('signals', () => {
  itDrainsOnSigterm(
    processPool(['--workers', '2']),
    "on SIGTERM close the listening socket, share the waiting connections out, send each worker { type: 'stop' } and wait for them",
  )

  it('SIGINT stops at once, in-flight requests and all', async () => {
    const server = await startServer(processPool(['--workers', '1']))
    const inFlight = send(server.baseUrl, { path: '/io?ms=3000' })
    await delay(200)
    const started = performance.now()
    server.child.kill('SIGINT')
    await server.exited
    expect(performance.now() - started).toBeLessThan(2_000)
    expect((await inFlight).status).toBe(0)
  })

  it('SIGTTIN adds a worker and SIGTTOU removes one', async () => {
    const server = await startServer(processPool(['--workers', '2']))
    try {
      const how = {
        reproduce:
          'pnpm course serve 02 -- --workers 2 --port 8080\nthen, in another terminal: kill -TTIN <its pid>; pgrep -f process-worker -P <its pid>; kill -TTOU <its pid>',
        hint: 'SIGTTIN: target + 1 and fork; SIGTTOU: target - 1 and retire one worker, so its exit is not replaced',
      }
      const reaches = (expected: number, after: string) =>
        eventually(() => workerProcesses(server).length === expected, {
          what: `${expected} worker processes ${after}`,
          actual: () => `${workerProcesses(server).length} worker processes`,
          ...how,
        })
      server.child.kill('SIGTTIN')
      await reaches(3, 'after SIGTTIN')
      // One at a time: two of the same signal sent together may arrive as one.
      for (const expected of [2, 1]) {
        server.child.kill('SIGTTOU')
        await reaches(expected, 'after SIGTTOU')
      }
      const reply = await send(server.baseUrl, { path: '/whoami' })
      if (reply.status !== 200) {
        throw failure({
          expected: '200 for GET /whoami from the one worker left',
          actual: `${reply.status || reply.span.error}`,
          ...how,
        })
      }
    } finally {
      await server.stop()
    }
  })
})
