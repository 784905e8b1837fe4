import {
  checkLeaksAfterEach,
  curlFor,
  expectReply,
  failure,
  useServer,
} from '@course/common/harness'
import type { Reply } from '@course/common/load'
import { burst, send } from '@course/common/load'
import { cpuWork } from '@course/common/work'
import { describe, expect, it } from 'vitest'
import type { CreateCpuOffload } from '#types'
import { impl } from '../lesson.ts'
import { calmestStall, expectCured, stallDuringCpu, unitsFor } from './cpu-stall.ts'
import { koaServer } from './lesson-servers.ts'

checkLeaksAfterEach()
const OFFLOADED = ['--cpu-threads', '1']
const inline = useServer(koaServer())
const offloaded = useServer(koaServer(OFFLOADED))
// One thread and room for one waiting task: a third /cpu at once finds the queue full.
const FULL_AFTER_TWO = [...OFFLOADED, '--cpu-queue', '1']
const small = useServer(koaServer(FULL_AFTER_TWO))

/** The "error" of the course's JSON error shape, if the body is one. */
function errorOf(reply: Reply): unknown {
  try {
    return (JSON.parse(reply.body.toString()) as { error?: unknown }).error
  } catch {
    return undefined
  }
}

const load = () => impl.load<{ createCpuOffload: CreateCpuOffload }>('offload-cpu.ts')

describe('CPU work offloaded to a thread pool', () => {
  it('returns the checksum of cpuWork from a pool thread, and leaves no thread behind', async () => {
    const { createCpuOffload } = await load()
    const offload = createCpuOffload({ threads: 2, maxQueue: 4 })
    try {
      await offload.ready()
      expect(await Promise.all([offload.cpu(3), offload.cpu(5)])).toEqual([cpuWork(3), cpuWork(5)])
    } finally {
      await offload.close()
    }
  })

  it('answers /cpu with the right checksum over HTTP', async () => {
    await expectReply(
      offloaded(),
      { path: '/cpu?n=40' },
      {
        status: 200,
        json: (body) =>
          (body as { checksum?: number }).checksum === cpuWork(40)
            ? undefined
            : `"checksum": ${cpuWork(40)}`,
      },
    )
  })

  it('keeps /healthz quick and the event loop on time while an offloaded /cpu runs, where inline both wait for the whole /cpu', async () => {
    const units = unitsFor(300)
    const before = await stallDuringCpu(inline(), units)
    const after = await calmestStall(offloaded(), units)
    expectCured(before, after, {
      reproduce: offloaded().reproduce(
        `${curlFor({ path: `/cpu?n=${units}` })} & sleep 0.04; time ${curlFor({ path: '/healthz' })}`,
      ),
      hint: 'the event loop must only post the work to the pool and await it: pool.run(units)',
    })
  })
  it('answers 503 with Retry-After at once when the pool and its queue are full, and keeps serving', async () => {
    const path = `/cpu?n=${unitsFor(300)}`
    const { replies } = await burst(small().baseUrl, { path, n: 6 })
    const took = (reply: Reply) => reply.span.received - reply.span.sent
    const served = replies.filter((reply) => reply.status === 200)
    const refused = replies.filter(
      (reply) =>
        reply.status === 503 &&
        reply.headers['retry-after'] !== undefined &&
        typeof errorOf(reply) === 'string',
    )
    const slowestRefusal = Math.max(...refused.map(took))
    const quickestServed = Math.min(...served.map(took))
    const next = await send(small().baseUrl, { path: '/cpu?n=1' })
    // A refusal must not wait for a thread: it comes back long before the quickest /cpu that ran.
    if (
      refused.length === 0 ||
      served.length + refused.length !== replies.length ||
      slowestRefusal > 0.5 * quickestServed ||
      next.status !== 200
    ) {
      throw failure({
        expected:
          '200 for the /cpu that got a thread or the queue, 503 with Retry-After and a JSON error for the others (each in under 1/2 of the quickest 200), then 200 for the next /cpu',
        actual: `${replies.map((reply) => `${reply.status} in ${Math.round(took(reply))} ms`).join(', ')}; then ${next.status || next.span.error}`,
        reproduce: small().reproduce(
          `for i in $(seq 6); do ${curlFor({ path })} -s -w ' %{http_code} %{time_total}\\n' & done; wait`,
        ),
        hint: "the pool refuses a task past maxQueue at once (QueueFullError): reject with createHttpError(503, ..., { headers: { 'retry-after': '1' } }), and let the Koa error layer keep the error's headers",
      })
    }
  })
})
