// Exercise 1: fork, ready and restart. These tests need no choice of worker
// (exercise 2) and no signals (exercise 3): they count the supervisor's child
// processes, and check that every request is served.
import { fileURLToPath } from 'node:url'
import { describeContract } from '@course/common/contract'
import { checkLeaksAfterEach, eventually, failure, useServer } from '@course/common/harness'
import { send } from '@course/common/load'
import { TodoError } from '@course/common/todo'
import { describe, expect, it } from 'vitest'
import type { SupervisorClass } from '#types'
import { impl } from '../lesson.ts'
import { processPool } from './lesson-servers.ts'
import { workerProcesses } from './process-pool.ts'

checkLeaksAfterEach()

describe('a pool of 3 worker processes', () => {
  const server = useServer(processPool(['--workers', '3']))

  it('forks W workers and is ready once they are', () => {
    const workers = workerProcesses(server())
    if (workers.length !== 3) {
      throw failure({
        expected: 'the supervisor ready with 3 worker processes (its children)',
        actual: `${workers.length} children: ${workers.join(', ') || 'none'}`,
        reproduce:
          'pnpm course serve 02 -- --workers 3 --port 8080, then: pgrep -f process-worker -P <its pid>',
        hint: "fork W workers in start(), and resolve only once W of them have said { type: 'ready' }",
      })
    }
  })

  describeContract(server)

  it('restarts a worker that dies, so the pool is back to W', async () => {
    const [victim = 0] = workerProcesses(server())
    process.kill(victim, 'SIGKILL')
    let after: number[] = []
    const how = {
      reproduce:
        'pnpm course serve 02 -- --workers 3 --port 8080\nthen, in another terminal: kill -9 <a pid from pgrep -f process-worker -P <its pid>>; pgrep -f process-worker -P <its pid>',
      hint: "listen for each child's exit and fork a replacement unless you are stopping",
    }
    await eventually(
      () => {
        after = workerProcesses(server())
        return after.length === 3 && !after.includes(victim)
      },
      {
        what: `3 workers again after kill -9 ${victim}, none of them ${victim}`,
        actual: () => `workers: ${after.join(', ') || 'none'}`,
        ...how,
      },
    )
    const reply = await send(server().baseUrl, { path: '/healthz' })
    if (reply.status !== 200) {
      throw failure({
        expected: `200 for GET /healthz once the pool is back to 3 workers`,
        actual: `${reply.status || reply.span.error}`,
        ...how,
      })
    }
  })
})

describe('workers that die before they are ready', () => {
  const brokenWorker = fileURLToPath(new URL('./fixtures/broken-worker.ts', import.meta.url))

  it('stop the supervisor with one line that says what the last one printed', async () => {
    const { Supervisor } = await impl.load<{ Supervisor: SupervisorClass }>('supervisor.ts')
    const supervisor = new Supervisor({ workers: 2, workerFile: brokenWorker })
    let timer: NodeJS.Timeout | undefined
    const gaveUp = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('still restarting them after 10 s'), 10_000)
    })
    const outcome = await Promise.race([
      supervisor.start().then(
        () => 'start() resolved',
        (error: Error) => error,
      ),
      gaveUp,
    ])
    clearTimeout(timer)
    // start() not written yet: that is the message to see, not one about stop().
    if (outcome instanceof TodoError) throw outcome
    await supervisor.stop()
    const message = outcome instanceof Error ? outcome.message : ''
    if (!message.includes('cannot open the database') || message.includes('\n')) {
      throw failure({
        expected:
          'start() rejects after 3 workers in a row die before they are ready, with one line ending in what the last one printed ("broken-worker: cannot open the database ...")',
        actual: outcome instanceof Error ? `rejected with: ${JSON.stringify(message)}` : outcome,
        reproduce: 'pnpm course test supervisor',
        hint: "count workers that exit before they said 'ready' (reset on any 'ready'); at 3, stop() and reject start() with a BootFailedError",
      })
    }
    expect(outcome).toHaveProperty('name', 'BootFailedError')
  })
})
