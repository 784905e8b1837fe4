import { setTimeout as delay } from 'node:timers/promises'
import { checkLeaksAfterEach, failure } from '@course/common/harness'
import { type Reply, send } from '@course/common/load'
import { describe, it } from 'vitest'
import { blocking, startDeployment } from './deployment.ts'

checkLeaksAfterEach()

describe('a reload (SIGHUP)', () => {
  it('adds one backend and drains another under steady load, losing no request', async () => {
    const deployment = await startDeployment(blocking(3), { maxConnPerBackend: 1 })
    const [a, , c] = deployment.backends
    try {
      // Start on a and b only.
      deployment.reload([0, 1])
      await delay(300)
      const replies: Reply[] = []
      const end = performance.now() + 2_000
      let reloadedAt = Number.POSITIVE_INFINITY
      const load = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (performance.now() < end) {
            replies.push(await send(deployment.balancer.baseUrl, { path: '/io?ms=20' }))
          }
        }),
      )
      await delay(700)
      reloadedAt = Date.now()
      deployment.reload([1, 2])
      await load
      const failed = replies.filter((reply) => reply.status !== 200)
      const by = (pid = 0, after = 0) =>
        replies.filter(
          (reply) => reply.span.server?.servedBy.startsWith(`${pid}/`) && reply.span.sent > after,
        ).length
      // Requests sent well after the reload: none may reach the drained backend.
      const lateOnA = by(a?.pid, reloadedAt + 300)
      if (failed.length > 0 || by(c?.pid) === 0 || lateOnA > 0) {
        throw failure({
          expected:
            '0 failed; the new backend c serving; the drained backend a getting nothing new',
          actual: `${failed.length} failed of ${replies.length}; c served ${by(c?.pid)}; a served ${lateOnA} sent 300 ms or more after the reload`,
          reproduce:
            'pnpm course serve 03 -- --port 8080 --config balancer.json; keep curl running; edit balancer.json; kill -HUP <balancer pid>',
        })
      }
    } finally {
      await deployment.stop()
    }
  })
})
