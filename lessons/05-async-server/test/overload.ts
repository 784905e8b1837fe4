// The load of exercise 5: C clients, each sending its next request as soon as
// its last one is answered, until the server has served a given number of
// requests (or a time limit passes); each answer is kept with its status,
// since a quick 503 and a slow 200 tell different stories. A refused client
// waits as its Retry-After says, as well-behaved clients do: that is what
// turns a refusal into less load instead of a storm of retries.
import { setMaxListeners } from 'node:events'
import { setTimeout as delay } from 'node:timers/promises'
import { send } from '@course/common/load'
import { type Summary, summarize } from '@course/common/stats'

export interface Overload {
  /** Latencies of the requests served (200), ms. */
  served: Summary
  /** Latencies of the requests refused (503), ms. */
  refused: Summary
  /** Anything else: other statuses and failed connections. */
  other: number
  /** How long the run took, ms. */
  ms: number
}

export interface OverloadPlan {
  clients: number
  /** Stop once this many requests were served: enough for a p99 that is not just the slowest few. */
  served: number
  /** Or once this much time has passed, however many were served. */
  maxMs: number
}

export async function overload(
  baseUrl: string,
  path: string,
  { clients, served: enough, maxMs }: OverloadPlan,
): Promise<Overload> {
  const served: number[] = []
  const refused: number[] = []
  let other = 0
  const started = performance.now()
  const end = started + maxMs
  // Ends the Retry-After waits of refused clients once the run is over.
  const over = new AbortController()
  // Every client may wait on it at once.
  setMaxListeners(clients, over.signal)
  const running = () => served.length < enough && performance.now() < end
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (running()) {
        const reply = await send(baseUrl, { path })
        const latency = reply.span.received - reply.span.sent
        if (reply.status === 200) {
          served.push(latency)
          if (!running()) over.abort()
        } else if (reply.status === 503) {
          refused.push(latency)
          const retryAfterMs = Number(reply.headers['retry-after'] ?? 0) * 1000
          await delay(Math.max(0, Math.min(retryAfterMs, end - performance.now())), undefined, {
            signal: over.signal,
          }).catch(() => {})
        } else {
          other++
        }
      }
    }),
  )
  over.abort()
  return {
    served: summarize(served),
    refused: summarize(refused),
    other,
    ms: performance.now() - started,
  }
}

/** Requests served a second. */
export const servedPerSecond = (run: Overload) => (run.served.count * 1000) / run.ms

export const describeOverload = (name: string, run: Overload) =>
  `${name}: ${run.served.count} served in ${(run.ms / 1000).toFixed(1)} s (p50 ${Math.round(run.served.p50)} ms, p90 ${Math.round(run.served.p90)} ms, p99 ${Math.round(run.served.p99)} ms), ` +
  (run.refused.count
    ? `${run.refused.count} refused (p50 ${Math.round(run.refused.p50)} ms)`
    : 'none refused') +
  (run.other ? `, ${run.other} other` : '')
