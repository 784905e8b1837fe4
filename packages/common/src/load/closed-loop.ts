import { type Summary, summarize } from '../stats.ts'
import { send } from './send.ts'

export interface ClosedLoopOptions {
  /** Concurrent clients (C), each with one request in flight at a time. */
  connections: number
  durationSeconds: number
}

export interface ClosedLoopResult {
  requestsPerSecond: number
  latencyMs: Summary
  errors: number
}

/**
 * C clients, each sending its next request as soon as the last one returns,
 * on a new connection every time, for a fixed time. This is the load for
 * servers that close every connection (the course's blocking servers, like
 * gunicorn's sync worker): autocannon expects keep-alive, and its latencies
 * are meaningless when the server hangs up after each response.
 */
export async function closedLoop(
  baseUrl: string,
  path: string,
  { connections, durationSeconds }: ClosedLoopOptions,
): Promise<ClosedLoopResult> {
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const end = started + durationSeconds * 1000
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const reply = await send(baseUrl, { path })
        if (reply.status === 200) latencies.push(reply.span.received - reply.span.sent)
        else errors++
      }
    }),
  )
  const elapsedSeconds = (performance.now() - started) / 1000
  return {
    requestsPerSecond: latencies.length / elapsedSeconds,
    latencyMs: summarize(latencies),
    errors,
  }
}
