import { describeContract } from '@course/common/contract'
import { checkLeaksAfterEach, useServer } from '@course/common/harness'
import { describe, it } from 'vitest'
import { blockingServer, koaServer } from './lesson-servers.ts'
import {
  expectBodyOverLimitRefused,
  expectCutBodyRefused,
  expectHundredWaitsAtOnce,
  expectNoFasterThanBlocking,
} from './one-thread.ts'

checkLeaksAfterEach()
const server = useServer(koaServer())

describeContract(server)

describe('the app on Koa', () => {
  it('serves 100 concurrent /io waits all at once, on one thread, in about the time of one', async () => {
    await expectHundredWaitsAtOnce(server(), 'koa')
  })

  it('answers a body over the limit with 413 and a JSON error, and keeps serving', async () => {
    await expectBodyOverLimitRefused(
      server(),
      'the error layer keeps the status of what it caught (raw-body throws errors with a .status)',
    )
  })

  it('answers a body cut off before its Content-Length with 400, and keeps serving', async () => {
    await expectCutBodyRefused(server())
  })

  describe('beside lesson 01', () => {
    const blocking = useServer(blockingServer())

    it('serves one request alone no faster than the blocking server', async () => {
      await expectNoFasterThanBlocking(server(), blocking())
    })
  })
})
