import { checkLeaksAfterEach, curlFor, expectReply, useServer } from '@course/common/harness'
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

  it('keeps /healthz quick while an offloaded /cpu runs, where inline it waits for the whole /cpu', async () => {
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
})
