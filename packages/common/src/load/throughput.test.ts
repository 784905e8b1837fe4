import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureThroughput } from './throughput.ts'

describe('measureThroughput', () => {
  // A keep-alive server that answers at once: the kind autocannon is made for.
  const server = createServer((_req, res) => res.end('ok'))
  let url = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('reports requests per second and latency percentiles', async () => {
    const result = await measureThroughput({ url, connections: 2, durationSeconds: 1 })
    expect(result.requestsPerSecond).toBeGreaterThan(0)
    expect(result.errors).toBe(0)
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p99)
  })

  it('holds a fixed rate when one is set', async () => {
    const result = await measureThroughput({
      url,
      connections: 2,
      durationSeconds: 1,
      requestsPerSecond: 50,
    })
    // The server could answer thousands a second; the rate caps the load at about 50.
    expect(result.requestsPerSecond).toBeGreaterThan(25)
    expect(result.requestsPerSecond).toBeLessThan(100)
  })
})
