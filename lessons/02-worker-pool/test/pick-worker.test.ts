// Exercise 2: hand each connection to the worker free longest. pickWorker is
// checked on its own first (in milliseconds), then in the pool: who serves
// what, from the workers' own timestamps.
import { setTimeout as delay } from 'node:timers/promises'
import { checkLeaksAfterEach, eventually, failure, useServer } from '@course/common/harness'
import { burst, type Reply, send } from '@course/common/load'
import { describe, it } from 'vitest'
import type { PickWorker, WorkerState } from '#types'
import { impl } from '../lesson.ts'
import { processPool } from './lesson-servers.ts'
import { describePoolShapes } from './pool-shapes.ts'
import { workerPids } from './process-pool.ts'

const { pickWorker } = await impl.load<{ pickWorker: PickWorker }>('pick-worker.ts')

checkLeaksAfterEach()

interface Named extends WorkerState {
  name: string
}
const worker = (name: string, lastConnection: number, state: Partial<WorkerState> = {}): Named => ({
  name,
  ready: true,
  retiring: false,
  busy: 0,
  lastConnection,
  ...state,
})
const describeWorkers = (workers: Named[]) =>
  workers
    .map(({ name, ready, retiring, busy, lastConnection }) =>
      JSON.stringify({ name, ready, retiring, busy, lastConnection }),
    )
    .join(', ')

describe('pickWorker', () => {
  const cases: Array<{ name: string; workers: Named[]; expected: string | undefined }> = [
    {
      name: 'picks the free worker whose last connection is oldest',
      workers: [worker('a', 7), worker('b', 3), worker('c', 5)],
      expected: 'b',
    },
    {
      name: 'never picks a busy worker, even one free for longer',
      workers: [worker('a', 1, { busy: 1 }), worker('b', 4)],
      expected: 'b',
    },
    {
      name: 'picks none when every worker is busy: the connection waits',
      workers: [worker('a', 1, { busy: 1 }), worker('b', 2, { busy: 1 })],
      expected: undefined,
    },
    {
      name: 'never picks a worker that is not ready yet, or on its way out',
      workers: [
        worker('a', 0, { ready: false }),
        worker('b', 1, { retiring: true }),
        worker('c', 9),
      ],
      expected: 'c',
    },
  ]
  for (const { name, workers, expected } of cases) {
    it(name, () => {
      const picked = pickWorker(workers)?.name
      if (picked !== expected) {
        throw failure({
          expected: expected ? `worker ${expected}` : 'no worker (undefined)',
          actual: picked ? `worker ${picked}` : 'no worker (undefined)',
          reproduce: `pickWorker([${describeWorkers(workers)}])`,
        })
      }
    })
  }
})

describe('a pool of 3 worker processes', () => {
  const server = useServer(processPool(['--workers', '3']))

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
        reproduce:
          'pnpm course serve 02 -- --workers 3 --port 8080\nthen, in another terminal: for i in 1 2 3 4 5 6; do curl -s http://127.0.0.1:8080/whoami; echo; done',
        hint: 'of the free workers, pick the one that has waited longest (the oldest lastConnection)',
      })
    }
  })

  describePoolShapes(server, '02')
})

describe('a slow request on one of two workers', () => {
  const server = useServer(processPool(['--workers', '2']))

  it('holds up no one while the other worker is free', async () => {
    const slow = send(server().baseUrl, { path: '/io?ms=1200' })
    await delay(200)
    const quick: Reply[] = []
    for (let i = 0; i < 4; i++) quick.push(await send(server().baseUrl, { path: '/whoami' }))
    const slowReply = await slow
    const late = quick.filter((reply) => reply.span.received > slowReply.span.received)
    if (late.length > 0) {
      throw failure({
        expected: '4 quick requests, one after another, all answered by the free worker at once',
        actual: `${late.length} of them waited for the slow request (served by ${slowReply.span.server?.servedBy})`,
        reproduce:
          'pnpm course serve 02 -- --workers 2 --port 8080\nthen, in another terminal: curl "http://127.0.0.1:8080/io?ms=5000" & for i in 1 2 3 4; do curl http://127.0.0.1:8080/whoami; done',
        hint: 'a busy worker (busy > 0) gets no connection: return undefined, and the connection waits in the supervisor until a worker is free',
      })
    }
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
        hint: 'hand a connection only to a free worker: the rest wait in the supervisor, not in a worker that may die',
      })
    }
    await eventually(async () => (await workerPids(server(), 2)).length === 2, {
      what: `2 workers again after kill -9 ${victim}`,
      reproduce:
        'pnpm course serve 02 -- --workers 2 --port 8080\nthen, in another terminal: kill -9 <a worker pid from /whoami>; curl http://127.0.0.1:8080/whoami',
    })
  })
})
