import autocannon from 'autocannon'

export interface ThroughputOptions {
  url: string
  /** Concurrent connections (C). */
  connections: number
  durationSeconds: number
  /** Fixed request rate; leave out for "as fast as it answers". */
  requestsPerSecond?: number
}

export interface Throughput {
  requestsPerSecond: number
  latencyMs: { p50: number; p99: number; max: number }
  errors: number
  non2xx: number
}

/**
 * A throughput run with autocannon: C connections for a duration. Its
 * latencies are whole milliseconds. With a fixed rate its coordinated-omission
 * correction is wrong, so it is turned off whenever a rate is set.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<Throughput> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.requestsPerSecond
      ? { overallRate: options.requestsPerSecond, ignoreCoordinatedOmission: true }
      : {}),
  })
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}
