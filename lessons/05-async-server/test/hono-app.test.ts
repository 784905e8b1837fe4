import { LIMITS } from '@course/common/app'
import { describeContract } from '@course/common/contract'
import { checkLeaksAfterEach, failure, useServer } from '@course/common/harness'
import { parseTimelineHeader } from '@course/common/timeline'
import { describe, expect, it } from 'vitest'
import type { CreateHonoApp } from '#types'
import { impl } from '../lesson.ts'
import { blockingServer, honoServer } from './lesson-servers.ts'
import {
  expectBodyOverLimitRefused,
  expectCutBodyRefused,
  expectHundredWaitsAtOnce,
  expectNoFasterThanBlocking,
} from './one-thread.ts'
import { expectRefusalAnswered, fullPool } from './refusal.ts'

checkLeaksAfterEach()

/** The learner's app in this very process: app.request() needs no server and no socket. */
async function honoApp() {
  const { createHonoApp } = await impl.load<{ createHonoApp: CreateHonoApp }>('hono-app.ts')
  return createHonoApp()
}

describe('the app on Hono, without a socket', () => {
  it('answers GET /io?ms=20 through app.request(), stamped with its timeline', async () => {
    const response = await (await honoApp()).request('/io?ms=20')
    const times = parseTimelineHeader(response.headers.get('x-timeline') ?? undefined)
    const body = (await response.json()) as { waitedMs?: number }
    if (
      response.status !== 200 ||
      body.waitedMs !== 20 ||
      !times ||
      times.ended - times.started < 15
    ) {
      throw failure({
        expected:
          '200, {"waitedMs": 20, ...}, and an x-timeline header with ended - started >= 15 ms',
        actual: `${response.status}, ${JSON.stringify(body)}, x-timeline: ${response.headers.get('x-timeline')}`,
        reproduce:
          "(await createHonoApp().request('/io?ms=20')).status in a node REPL, or pnpm course test hono-app",
      })
    }
  })

  it('echoes a POST body with its content type', async () => {
    const response = await (await honoApp()).request('/echo', {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/x-test' },
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('hello')
    expect(response.headers.get('content-type')).toBe('text/x-test')
  })

  it('refuses a body over the limit with 413 and a JSON error, before the app runs', async () => {
    const body = 'a'.repeat(LIMITS.maxBodyBytes + 1)
    const response = await (await honoApp()).request('/echo', {
      method: 'POST',
      body,
      headers: { 'content-length': String(body.length) },
    })
    const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string }
    if (response.status !== 413 || typeof json.message !== 'string') {
      throw failure({
        expected: '413 with a JSON error like {"error": "Content Too Large", "message": "..."}',
        actual: `${response.status}, ${JSON.stringify(json)}`,
        reproduce: 'pnpm course test hono-app',
        hint: "hono/body-limit's onError, then app.onError turns an HTTPException into the course's JSON error",
      })
    }
  })

  it('answers unknown paths and bad queries with their 4xx and a JSON error', async () => {
    const app = await honoApp()
    for (const [path, status] of [
      ['/nope', 404],
      ['/io?ms=abc', 400],
      ['/cpu?n=0', 400],
    ] as const) {
      const response = await app.request(path)
      expect(response.status, path).toBe(status)
      expect(((await response.json()) as { error?: string }).error, path).toBeTypeOf('string')
    }
  })

  it('answers a refusal of where /cpu runs (an http-errors 503) with its status, Retry-After and message', async () => {
    const { createHonoApp } = await impl.load<{ createHonoApp: CreateHonoApp }>('hono-app.ts')
    const response = await createHonoApp({ cpu: fullPool }).request('/cpu?n=1')
    expectRefusalAnswered(
      {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.text(),
      },
      'pnpm course test hono-app',
    )
  })
})

describe('the app on Hono, over a socket', () => {
  const server = useServer(honoServer())

  describeContract(server)

  it('serves 100 concurrent /io waits all at once, on one thread, in about the time of one', async () => {
    await expectHundredWaitsAtOnce(server(), 'hono')
  })

  it('answers a body over the limit with 413 and a JSON error, and keeps serving', async () => {
    await expectBodyOverLimitRefused(
      server(),
      "hono/body-limit refuses from Content-Length alone; app.onError answers the course's JSON error",
    )
  })

  it('answers a body cut off before its Content-Length with 400, and keeps serving', async () => {
    await expectCutBodyRefused(
      server(),
      "a body that fails to arrive is the client's mistake: answer it with 400, not 500",
    )
  })

  describe('beside lesson 01', () => {
    const blocking = useServer(blockingServer())

    it('serves one request alone no faster than the blocking server', async () => {
      await expectNoFasterThanBlocking(server(), blocking())
    })
  })
})
