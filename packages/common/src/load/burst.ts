import { now } from '../clock.ts'
import { TimelineRecorder } from '../timeline/recorder.ts'
import type { Span } from '../timeline/span.ts'
import { type Reply, type RequestSpec, send } from './send.ts'

export interface BurstOptions extends RequestSpec {
  /** How many requests to fire at once. */
  n: number
  timeoutMs?: number
}

export interface BurstResult {
  /** Every request, ordered by the time it was sent. */
  spans: Span[]
  replies: Reply[]
  /** From the first request sent to the last response received. */
  wallMs: number
}

/**
 * Fires `n` identical requests at the same moment, each on its own
 * connection, and waits for all of them. This is the experiment behind every
 * staircase and overlap picture in the course.
 */
export async function burst(baseUrl: string, options: BurstOptions): Promise<BurstResult> {
  const recorder = new TimelineRecorder()
  const started = now()
  const replies = await Promise.all(
    Array.from({ length: options.n }, async () => {
      const reply = await send(baseUrl, options, options.timeoutMs)
      recorder.record(reply.span)
      return reply
    }),
  )
  return { spans: recorder.spans(), replies, wallMs: now() - started }
}
