// The load of exercise 5: C clients, each sending its next request as soon as
// its last one is answered, for a fixed time; each answer is kept with its
// status, since a quick 503 and a slow 200 tell different stories. A refused
// client waits as its Retry-After says, as well-behaved clients do: that is
// what turns a refusal into less load instead of a storm of retries.
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
}

export async function overload(
  baseUrl: string,
  path: string,
  { clients, durationMs }: { clients: number; durationMs: number },
): Promise<Overload> {
  const served: number[] = []
  const refused: number[] = []
  let other = 0
  const end = performance.now() + durationMs
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const reply = await send(baseUrl, { path })
        const latency = reply.span.received - reply.span.sent
        if (reply.status === 200) {
          served.push(latency)
        } else if (reply.status === 503) {
          refused.push(latency)
          const retryAfterMs = Number(reply.headers['retry-after'] ?? 0) * 1000
          await delay(Math.max(0, Math.min(retryAfterMs, end - performance.now())))
        } else {
          other++
        }
      }
    }),
  )
  return { served: summarize(served), refused: summarize(refused), other }
}

export const describeOverload = (name: string, run: Overload) =>
  `${name}: ${run.served.count} served (p50 ${Math.round(run.served.p50)} ms, p90 ${Math.round(run.served.p90)} ms, p99 ${Math.round(run.served.p99)} ms), ` +
  `${run.refused.count} refused (p50 ${Math.round(run.refused.p50)} ms)${run.other ? `, ${run.other} other` : ''}`
