import { setTimeout as delay } from 'node:timers/promises'
import { now } from '@course/common/clock'
import { checkLeaksAfterEach, eventually, failure, showFigures } from '@course/common/harness'
import { type Reply, send } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import { Backend, type BackendConfig } from '#backend'
import { checkConfig } from '../balancer/config.ts'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/reload.ts'
import { startDeployment } from './deployment.ts'

const reload = await impl.load<typeof Reference>('reload.ts')

checkLeaksAfterEach()

const config = (name: string, port = 8080 + name.charCodeAt(0) - 96): BackendConfig => ({
  name,
  url: `http://127.0.0.1:${port}`,
})
const start = (backend: BackendConfig) => new Backend(backend, 1)
const names = (backends: readonly { name: string }[]) => backends.map(({ name }) => name).join(' ')

describe('the config file', () => {
  it('refuses a file that lists one URL twice, since a reload knows a backend by its URL', () => {
    const twice = { backends: [config('a'), { ...config('a'), name: 'again' }] }
    expect(() => checkConfig(twice, 'balancer.json')).toThrow(
      'balancer.json: two backends have the url http://127.0.0.1:8081/; list each once',
    )
  })
})

describe('planReload', () => {
  it('keeps a backend the new config still names: the same one, with its requests in flight', () => {
    const [a, b] = [start(config('a')), start(config('b'))]
    a.inFlight = 2
    const plan = reload.planReload([a, b], [config('a'), config('b')])
    expect(plan.keep[0]).toBe(a)
    expect(plan.keep[0]?.inFlight).toBe(2)
    expect(names(plan.keep)).toBe('a b')
    expect(plan.add).toEqual([])
    expect(plan.drain).toEqual([])
  })

  it('adds the backends the new config names for the first time', () => {
    const a = start(config('a'))
    const plan = reload.planReload([a], [config('a'), config('c'), config('d')])
    expect(names(plan.add)).toBe('c d')
    expect(plan.keep).toEqual([a])
  })

  it('drains the running backends the new config no longer names', () => {
    const [a, b, c] = [start(config('a')), start(config('b')), start(config('c'))]
    const plan = reload.planReload([a, b, c], [config('b')])
    expect(names(plan.drain)).toBe('a c')
    expect(names(plan.keep)).toBe('b')
  })

  it('knows a backend by its URL, whatever name the new config gives it', () => {
    const a = start(config('a'))
    const plan = reload.planReload([a], [{ name: 'renamed', url: 'http://127.0.0.1:8081/' }])
    expect(plan.keep).toEqual([a])
    expect(plan.add).toEqual([])
  })
})

describe('Upstream', () => {
  it('marks a removed backend draining, so no picker chooses it, and keeps it listed while it drains', () => {
    const upstream = new reload.Upstream([config('a'), config('b')], start)
    const [a] = upstream.backends
    if (a) a.inFlight = 1
    upstream.reload([config('b')])
    expect(a?.draining).toBe(true)
    expect(a?.down).toBe(true)
    expect(upstream.backends).toContain(a)
    expect(upstream.retire()).toEqual([])
  })

  it('retires a drained backend only once its last request in flight is answered', () => {
    const upstream = new reload.Upstream([config('a'), config('b')], start)
    const [a] = upstream.backends
    if (!a) throw new Error('two backends expected')
    a.inFlight = 2
    upstream.reload([config('b')])
    expect(names(upstream.retire())).toBe('')
    a.inFlight = 1
    expect(names(upstream.retire())).toBe('')
    a.inFlight = 0
    expect(names(upstream.retire())).toBe('a')
    expect(names(upstream.backends)).toBe('b')
  })

  it('takes back a draining backend named again, rather than starting a second one', () => {
    const upstream = new reload.Upstream([config('a'), config('b')], start)
    const [a] = upstream.backends
    if (a) a.inFlight = 1
    upstream.reload([config('b')])
    upstream.reload([config('a'), config('b')])
    expect(names(upstream.backends)).toBe('a b')
    expect(upstream.backends[0]).toBe(a)
    expect(a?.draining).toBe(false)
  })

  it('starts each added backend once, from its config', () => {
    const started: string[] = []
    const upstream = new reload.Upstream([config('a')], (backend) => {
      started.push(backend.name)
      return start(backend)
    })
    upstream.reload([config('a'), config('b')])
    upstream.reload([config('a'), config('b')])
    expect(started).toEqual(['a', 'b'])
    expect(names(upstream.backends)).toBe('a b')
  })
})

describe('a reload (SIGHUP) under steady load', () => {
  it('adds one backend and drains another, losing no POST: the drained one finishes what it holds and gets nothing new', async () => {
    // Each backend holds every request 200 ms, one at a time (k = 1): a is
    // always holding one when the reload comes. POSTs, because a POST that
    // reached a backend is never retried: a cut one would show as a 502.
    const held = { kind: 'recording', holdMs: 200 } as const
    const deployment = await startDeployment([held, held, held], { maxConnPerBackend: 1 })
    const [a, , c] = deployment.backends
    const reproduce =
      'pnpm course serve 03 -- --port 8080 --config balancer.json; keep POSTing (curl -X POST --data x http://127.0.0.1:8080/echo in a loop); edit balancer.json; kill -HUP <balancer pid>'
    let stopped = false
    const receivedByA = () =>
      deployment.events(0).filter((event) => event.event === 'request' && event.method === 'POST')
        .length
    try {
      await deployment.reload([0, 1])
      const replies: Reply[] = []
      const load = Promise.all(
        Array.from({ length: 4 }, async (_, client) => {
          for (let i = 0; !stopped; i++) {
            const body = `client ${client} request ${i}`
            replies.push(
              await send(deployment.balancer.baseUrl, { method: 'POST', path: '/echo', body }),
            )
          }
        }),
      )
      // Reload the moment a takes its second request, so it holds one across the reload.
      await eventually(() => receivedByA() >= 2, {
        what: 'backend a receiving POSTs',
        intervalMs: 5,
        actual: () => `a received ${receivedByA()}`,
        reproduce,
      })
      const sighupAt = now()
      await deployment.reload([1, 2])
      const seenAt = now()
      await delay(800)
      stopped = true
      await load

      const onA = replies.filter((reply) => reply.span.server?.servedBy.startsWith(`${a?.pid}/`))
      const failed = replies.filter((reply) => reply.status !== 200)
      const lateOnA = onA.filter((reply) => reply.span.sent > seenAt).length
      const heldAcross = onA.filter(
        (reply) => reply.span.sent < sighupAt && reply.span.received > seenAt,
      )
      const onC = replies.filter((reply) => reply.span.server?.servedBy.startsWith(`${c?.pid}/`))
      const figures = `${replies.length} POSTs, ${failed.length} failed${failed.length ? ` (${failed.map((reply) => reply.status || reply.span.error).join(', ')})` : ''}; a received ${receivedByA()} and answered ${onA.length}, ${heldAcross.length} held across the reload, ${lateOnA} sent after it; c answered ${onC.length}`
      showFigures(`a reload under load: ${figures}`)
      if (heldAcross.length === 0 && failed.length === 0) {
        throw failure({
          expected: 'a request held by a while the reload happened, to see it finish',
          actual:
            'none: the machine was too busy to judge (a reload took longer than a 200 ms hold)',
          figures,
          reproduce,
        })
      }
      if (failed.length > 0 || receivedByA() !== onA.length || lateOnA > 0 || onC.length === 0) {
        throw failure({
          expected:
            '0 failed; every request a received answered by a; nothing new sent to a after the reload; c serving',
          actual: figures,
          reproduce,
          hint: 'a drained backend stays listed (draining, so down) until retire() finds it with nothing in flight',
        })
      }
    } finally {
      stopped = true
      await deployment.stop()
    }
  })
})
