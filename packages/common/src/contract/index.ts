// The app's behaviour as seen from outside, written once. Every lesson runs
// it against its own server: whatever the architecture, these must hold.
import { describe, it } from 'vitest'
import { LIMITS } from '../app/limits.ts'
import { expectReply } from '../harness/expect.ts'
import { curlFor, failure } from '../harness/reproduce.ts'
import type { ServerProcess } from '../harness/server-process.ts'
import { cpuWork } from '../work.ts'

type Json = Record<string, unknown>
const field = (body: unknown, name: string) => (body as Json | null)?.[name]
const isError = (body: unknown) =>
  typeof field(body, 'error') === 'string' && typeof field(body, 'message') === 'string'
    ? undefined
    : 'a JSON error like {"error": "...", "message": "..."}'

export function describeContract(server: () => ServerProcess): void {
  describe('the app contract', () => {
    it('says hello on GET /', async () => {
      const reply = await expectReply(server(), { path: '/' }, { status: 200 })
      if (!reply.body.toString().includes('Hello')) {
        throw failure({
          expected: 'a body containing "Hello"',
          actual: JSON.stringify(reply.body.toString()),
          reproduce: server().reproduce(curlFor({ path: '/' })),
        })
      }
    })

    it('waits N milliseconds on GET /io?ms=N and says so', async () => {
      const spec = { path: '/io?ms=50' }
      const reply = await expectReply(server(), spec, {
        status: 200,
        json: (body) => (field(body, 'waitedMs') === 50 ? undefined : 'a body with "waitedMs": 50'),
      })
      const served = reply.span.server
      // Server-side timestamps: the handler itself took the wait (10% slack for timer granularity).
      if (!served || served.ended - served.started < 45) {
        throw failure({
          expected: 'the handler to take at least 45 ms (from the x-timeline header)',
          actual: served
            ? `${(served.ended - served.started).toFixed(1)} ms`
            : 'no x-timeline header',
          reproduce: server().reproduce(curlFor(spec)),
        })
      }
    })

    for (const query of ['', '?ms=abc', '?ms=-1', `?ms=${LIMITS.maxWaitMs + 1}`, '?ms=1e3']) {
      it(`rejects GET /io${query} with 400 and a JSON error`, async () => {
        await expectReply(server(), { path: `/io${query}` }, { status: 400, json: isError })
      })
    }

    it('does a fixed amount of CPU work on GET /cpu?n=N and returns its checksum', async () => {
      await expectReply(
        server(),
        { path: '/cpu?n=3' },
        {
          status: 200,
          json: (body) =>
            field(body, 'checksum') === cpuWork(3) ? undefined : `"checksum": ${cpuWork(3)}`,
        },
      )
    })

    for (const query of ['?n=0', '?n=x', `?n=${LIMITS.maxCpuUnits + 1}`]) {
      it(`rejects GET /cpu${query} with 400`, async () => {
        await expectReply(server(), { path: `/cpu${query}` }, { status: 400, json: isError })
      })
    }

    it('echoes a POST /echo body byte for byte, binary included', async () => {
      const body = Buffer.from([0, 1, 2, 255, 13, 10, 13, 10, 65])
      const reply = await expectReply(
        server(),
        { method: 'POST', path: '/echo', body, headers: { 'content-type': 'application/x-test' } },
        { status: 200 },
      )
      if (!reply.body.equals(body) || reply.headers['content-type'] !== 'application/x-test') {
        throw failure({
          expected: `the same ${body.byteLength} bytes back, with the same content-type`,
          actual: `${reply.body.byteLength} bytes (${reply.body.toString('hex')}), content-type ${reply.headers['content-type']}`,
          reproduce: server().reproduce(curlFor({ method: 'POST', path: '/echo', body: 'hello' })),
        })
      }
    })

    it('refuses a POST /echo body over the limit with 413', async () => {
      const body = Buffer.alloc(LIMITS.maxBodyBytes + 1, 97)
      await expectReply(server(), { method: 'POST', path: '/echo', body }, { status: 413 })
    })

    it('answers GET /healthz with ok', async () => {
      await expectReply(
        server(),
        { path: '/healthz' },
        {
          status: 200,
          json: (body) => (field(body, 'status') === 'ok' ? undefined : '"status": "ok"'),
        },
      )
    })

    it('tells who served the request on GET /whoami', async () => {
      await expectReply(
        server(),
        { path: '/whoami' },
        {
          status: 200,
          json: (body) =>
            Number.isInteger(field(body, 'pid')) && Number.isInteger(field(body, 'threadId'))
              ? undefined
              : 'whole numbers "pid" and "threadId"',
        },
      )
    })

    it('answers an unknown path with 404 and a wrong method with 405', async () => {
      await expectReply(server(), { path: '/nope' }, { status: 404, json: isError })
      const reply = await expectReply(
        server(),
        { method: 'DELETE', path: '/healthz' },
        { status: 405, json: isError },
      )
      if (reply.headers.allow !== 'GET') {
        throw failure({
          expected: 'an Allow: GET header',
          actual: `Allow: ${reply.headers.allow}`,
          reproduce: server().reproduce(curlFor({ method: 'DELETE', path: '/healthz' })),
        })
      }
    })

    it('stamps every response with its accepted, started and ended times, in that order', async () => {
      const reply = await expectReply(server(), { path: '/io?ms=5' }, { status: 200 })
      const times = reply.span.server
      if (!times || !(times.accepted <= times.started && times.started <= times.ended)) {
        throw failure({
          expected: 'x-timeline: accepted <= started <= ended',
          actual: `x-timeline: ${reply.headers['x-timeline']}`,
          reproduce: server().reproduce(curlFor({ path: '/io?ms=5' })),
          hint: 'pass { times } to encodeResponse()',
        })
      }
    })
  })
}
