import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describeContract } from '@course/common/contract'
import { checkLeaksAfterEach, useServer } from '@course/common/harness'
import { send } from '@course/common/load'
import { describe, it } from 'vitest'
import type { CreateKoaApp } from '#types'
import { impl } from '../lesson.ts'
import { blockingServer, koaServer } from './lesson-servers.ts'
import {
  expectBodyOverLimitRefused,
  expectCutBodyRefused,
  expectHundredWaitsAtOnce,
  expectNoFasterThanBlocking,
} from './one-thread.ts'
import { expectRefusalAnswered, fullPool } from './refusal.ts'

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

  it('answers a refusal of where /cpu runs (an http-errors 503) with its status, Retry-After and message', async () => {
    const { createKoaApp } = await impl.load<{ createKoaApp: CreateKoaApp }>('koa-app.ts')
    // In this process, so that the app gets a CPU runner whose pool is always full.
    const app = createServer(createKoaApp({ cpu: fullPool }).callback())
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = app.address() as AddressInfo
      const reply = await send(`http://127.0.0.1:${port}`, { path: '/cpu?n=1' })
      expectRefusalAnswered(
        {
          status: reply.status,
          retryAfter: reply.headers['retry-after'],
          body: reply.body.toString(),
        },
        'pnpm course test koa-app',
      )
    } finally {
      await new Promise((resolve) => app.close(resolve))
    }
  })

  describe('beside lesson 01', () => {
    const blocking = useServer(blockingServer())

    it('serves one request alone no faster than the blocking server', async () => {
      await expectNoFasterThanBlocking(server(), blocking())
    })
  })
})
