import { describe, expect, it } from 'vitest'
import { cpuWork } from '../work.ts'
import { LIMITS } from './limits.ts'
import { runAsync, runBlocking } from './run.ts'
import type { AppRequest } from './types.ts'

const get = (target: string): AppRequest => ({
  method: 'GET',
  target,
  headers: {},
  body: new Uint8Array(),
})
const bodyOf = (body: string | Uint8Array) => JSON.parse(Buffer.from(body).toString())

describe('the app', () => {
  it('asks its server to wait instead of waiting by itself', async () => {
    const started = performance.now()
    const response = await runAsync(get('/io?ms=30'))
    expect(response.status).toBe(200)
    expect(bodyOf(response.body).waitedMs).toBe(30)
    expect(performance.now() - started).toBeGreaterThanOrEqual(25)
  })

  it('gives the same answers whether its waits block or not', async () => {
    for (const target of ['/', '/io?ms=1', '/cpu?n=2', '/healthz', '/nope', '/io?ms=x']) {
      const blocking = runBlocking(get(target))
      const nonBlocking = await runAsync(get(target))
      expect(nonBlocking.status, target).toBe(blocking.status)
    }
  })

  it('hands CPU work to whatever the server chooses', async () => {
    const offloaded: number[] = []
    const response = await runAsync(get('/cpu?n=4'), {
      cpu: async (units) => {
        offloaded.push(units)
        return cpuWork(units)
      },
    })
    expect(offloaded).toEqual([4])
    expect(bodyOf(response.body).checksum).toBe(cpuWork(4))
  })

  it('lets what the CPU runner throws reach the server, which chose where the work runs', async () => {
    const refusal = new Error('every thread is busy')
    await expect(runAsync(get('/cpu?n=4'), { cpu: () => Promise.reject(refusal) })).rejects.toBe(
      refusal,
    )
  })

  it('bounds every parameter', () => {
    expect(runBlocking(get(`/io?ms=${LIMITS.maxWaitMs}0`)).status).toBe(400)
    expect(runBlocking(get('/io?ms=99999999999')).status).toBe(400)
    expect(runBlocking(get('/cpu?n=-3')).status).toBe(400)
  })

  it('turns an exception of the app into a 500, never a crash', async () => {
    const bad = { ...get('/'), target: 'http://[bad' }
    expect(runBlocking(bad).status).toBe(500)
    expect((await runAsync(bad)).status).toBe(500)
  })
})

describe('cpuWork', () => {
  it('is deterministic and grows linearly with units', () => {
    expect(cpuWork(2)).toBe(cpuWork(2))
    expect(cpuWork(2)).not.toBe(cpuWork(3))
  })
})
