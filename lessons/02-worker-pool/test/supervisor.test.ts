import { setTimeout as delay } from 'node:timers/promises'
import { describeContract } from '@course/common/contract'
import {
  checkLeaksAfterEach,
  eventually,
  failure,
  type ServerProcess,
  startServer,
  useServer,
} from '@course/common/harness'
import { burst, type Reply, send } from '@course/common/load'
import { workersSeen } from '@course/common/timeline'
import { describe, expect, it } from 'vitest'
import { processPool } from './lesson-servers.ts'
import { describePoolShapes, itDrainsOnSigterm } from './pool-shapes.ts'

checkLeaksAfterEach()

/** Worker pids seen answering a burst of /whoami (3 per worker reach every one). */
async function workerPids(server: ServerProcess, workers: number): Promise<number[]> {
  const { spans } = await burst(server.baseUrl, { path: '/whoami', n: workers * 3 })
  return workersSeen(spans).map((name) => Number(name.split('/')[0]))
}

describe('a pool of 3 worker processes', () => {
  const server = useServer(processPool(['--workers', '3']))

  describeContract(server)

  describePoolShapes(server, '02')

  it('sends one request after another round every worker, not always to the first', async () => {
    const pids: number[] = []
    for (let i = 0; i < 6; i++) {
      const reply = await send(server().baseUrl, { path: '/whoami' })
      pids.push(Number(JSON.parse(reply.body.toString()).pid))
    }
    if (new Set(pids).size !== 3) {
      throw failure({
        expected: '6 requests, one at a time, served by all 3 workers',
        actual: `served by ${pids.join(', ')}`,
        reproduce: `for i in 1 2 3 4 5 6; do curl -s ${server().baseUrl}/whoami; echo; done`,
        hint: 'of the free workers, pick the one that has waited longest (remember when each got its last connection)',
      })
    }
  })

  it('restarts a worker that dies, so the pool is back to W', async () => {
    const before = await workerPids(server(), 3)
    const victim = before[0] ?? 0
    process.kill(victim, 'SIGKILL')
    let after: number[] = []
    await eventually(
      async () => {
        after = await workerPids(server(), 3)
        return after.length === 3 && !after.includes(victim)
      },
      {
        what: `3 workers again after kill -9 ${victim}, none of them ${victim}`,
        actual: () => `workers answering: ${after.join(', ')}`,
        reproduce: 'kill -9 <a worker pid from /whoami>; then curl /whoami a few times',
        hint: "listen for each child's 'exit' and start a replacement unless you are stopping",
      },
    )
  })
})

describe('kill -9 of a worker under load', () => {
  const server = useServer(processPool(['--workers', '2']))

  it('fails only the requests in flight on that worker', async () => {
    const [victim] = await workerPids(server(), 2)
    const load = burst(server().baseUrl, { path: '/io?ms=400', n: 6 })
    await delay(150)
    process.kill(victim ?? 0, 'SIGKILL')
    const { replies } = await load
    // Each worker holds one request at a time; the other four wait in the supervisor.
    const failed = replies.filter((reply) => reply.status !== 200)
    const servedBy = replies.map((reply) => reply.span.server?.servedBy ?? '')
    if (failed.length !== 1 || servedBy.some((name) => name.startsWith(`${victim}/`))) {
      throw failure({
        expected: `exactly 1 of 6 requests failed (the one worker ${victim} was serving), the rest served by other workers`,
        actual: `${failed.length} failed; served by: ${servedBy.map((name) => name || '-').join(', ')}`,
        reproduce:
          'pnpm course timeline 02 --n 6 --ms 3000, and kill -9 one worker pid while it runs',
        hint: "hand a connection only to a free worker, and re-send the ones a dead worker never confirmed ('accepted')",
      })
    }
    await eventually(async () => (await workerPids(server(), 2)).length === 2, {
      what: `2 workers again after kill -9 ${victim}`,
      reproduce: 'kill -9 <a worker pid from /whoami>; then curl /whoami a few times',
    })
  })
})

describe('a slow request on one of two workers', () => {
  const server = useServer(processPool(['--workers', '2']))

  it('holds up no one while the other worker is free', async () => {
    const slow = send(server().baseUrl, { path: '/io?ms=1500' })
    await delay(200)
    const quick: Reply[] = []
    for (let i = 0; i < 4; i++) quick.push(await send(server().baseUrl, { path: '/whoami' }))
    const slowReply = await slow
    const late = quick.filter((reply) => reply.span.received > slowReply.span.received)
    if (late.length > 0) {
      throw failure({
        expected: '4 quick requests, one after another, all answered by the free worker at once',
        actual: `${late.length} of them waited for the slow request (served by ${slowReply.span.server?.servedBy})`,
        reproduce: `curl "${server().baseUrl}/io?ms=5000" & for i in 1 2 3 4; do curl ${server().baseUrl}/whoami; done`,
        hint: 'a blind round-robin hands every other connection to the busy worker: keep connections in the supervisor until a worker is free',
      })
    }
  })
})

describe('a worker stuck past the timeout', () => {
  const server = useServer(processPool(['--workers', '1', '--timeout-ms', '800']))

  it('is killed and replaced', async () => {
    const [stuck] = await workerPids(server(), 1)
    const reply = await send(server().baseUrl, { path: '/io?ms=6000' })
    const waited = reply.span.received - reply.span.sent
    const [replacement] = await workerPids(server(), 1)
    if (reply.status !== 0 || waited > 4_000 || replacement === stuck) {
      throw failure({
        expected:
          'the stuck worker killed about 800 ms in (its request cut off), then a new worker',
        actual: `status ${reply.status} after ${Math.round(waited)} ms; worker ${stuck} then ${replacement}`,
        reproduce:
          'pnpm course serve 02 -- --workers 1 --timeout-ms 800; curl "http://127.0.0.1:<port>/io?ms=6000"',
        hint: "kill a worker whose last heartbeat is older than timeoutMs; 'exit' then replaces it",
      })
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
      const reproduce =
        'pnpm course serve 02 -- --workers 2; kill -TTIN (or -TTOU) <supervisor pid>; then curl /whoami a few times'
      server.child.kill('SIGTTIN')
      await eventually(async () => (await workerPids(server, 3)).length === 3, {
        what: '3 workers answering after SIGTTIN',
        reproduce,
      })
      // One at a time: two of the same signal sent together may arrive as one.
      for (const expected of [2, 1]) {
        server.child.kill('SIGTTOU')
        await eventually(async () => (await workerPids(server, 3)).length === expected, {
          what: `${expected} worker${expected > 1 ? 's' : ''} answering after SIGTTOU`,
          reproduce,
        })
      }
    } finally {
      await server.stop()
    }
  })

  it('starts with the largest --max-requests and jitter the command line allows', async () => {
    const server = await startServer(
      processPool([
        '--workers',
        '1',
        '--max-requests',
        '1000000000',
        '--max-requests-jitter',
        '1000000000',
      ]),
    )
    try {
      expect((await send(server.baseUrl, { path: '/whoami' })).status).toBe(200)
    } finally {
      await server.stop()
    }
  })

  it('recycles a worker after its maximum number of requests', async () => {
    const server = await startServer(processPool(['--workers', '1', '--max-requests', '3']))
    try {
      const pids: number[] = []
      for (let i = 0; i < 9; i++) {
        const reply = await send(server.baseUrl, { path: '/whoami' })
        expect(reply.status).toBe(200)
        pids.push(Number(JSON.parse(reply.body.toString()).pid))
      }
      // 9 requests, 3 per worker: at least 3 different workers served them, each one a run of requests.
      expect(new Set(pids).size).toBeGreaterThanOrEqual(3)
    } finally {
      await server.stop()
    }
  })
})
