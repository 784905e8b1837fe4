import { checkLeaksAfterEach, curlFor, useServer } from '@course/common/harness'
import { cpuWork } from '@course/common/work'
import { describe, expect, it } from 'vitest'
import type { CpuInChunks } from '#types'
import { impl } from '../lesson.ts'
import { calmestStall, expectCured, stallDuringCpu, unitsFor } from './cpu-stall.ts'
import { koaServer } from './lesson-servers.ts'

checkLeaksAfterEach()
const CHUNKED = ['--chunk-units', '2']
const inline = useServer(koaServer())
const chunked = useServer(koaServer(CHUNKED))

const load = () => impl.load<{ cpuInChunks: CpuInChunks }>('chunked-cpu.ts')

describe('CPU work in chunks', () => {
  it('ends with the checksum of the same work done at once, whatever the chunk size', async () => {
    const { cpuInChunks } = await load()
    for (const [units, chunk] of [
      [1, 1],
      [7, 2],
      [10, 3],
      [6, 10],
    ] as const) {
      expect(await cpuInChunks(units, chunk), `${units} units in chunks of ${chunk}`).toBe(
        cpuWork(units),
      )
    }
  })

  it('keeps /healthz quick and the event loop on time while a chunked /cpu runs, where inline both wait for the whole /cpu', async () => {
    const units = unitsFor(300)
    const before = await stallDuringCpu(inline(), units)
    const after = await calmestStall(chunked(), units)
    expectCured(before, after, {
      reproduce: chunked().reproduce(
        `${curlFor({ path: `/cpu?n=${units}` })} & sleep 0.04; time ${curlFor({ path: '/healthz' })}`,
      ),
      hint: 'yield with setImmediate between chunks: a resolved promise runs before the loop reads any socket',
    })
  })
})
