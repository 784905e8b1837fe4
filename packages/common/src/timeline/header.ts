// Servers report their own timestamps in a response header, so a client can
// draw what happened inside the server (queueing vs serving) without trusting
// its own clock, which a blocked server cannot freeze.
import { workerName } from '../clock.ts'

export interface ServerTimes {
  /** The connection was accepted (or the request was queued). */
  accepted: number
  /** The handler started. */
  started: number
  /** The handler finished. */
  ended: number
  /** "pid/thread" of whoever ran the handler; the current one when left out. */
  servedBy?: string
}

export function timelineHeader(times: ServerTimes): string {
  const by = times.servedBy ?? workerName()
  return `accepted=${times.accepted.toFixed(3)}; started=${times.started.toFixed(3)}; ended=${times.ended.toFixed(3)}; by=${by}`
}

export function parseTimelineHeader(value: string | undefined): Required<ServerTimes> | undefined {
  if (!value) return undefined
  const fields = new Map(
    value.split(';').map((part) => {
      const [key = '', raw = ''] = part.trim().split('=')
      return [key, raw] as const
    }),
  )
  const accepted = Number(fields.get('accepted'))
  const started = Number(fields.get('started'))
  const ended = Number(fields.get('ended'))
  const servedBy = fields.get('by')
  if (![accepted, started, ended].every(Number.isFinite) || !servedBy) return undefined
  return { accepted, started, ended, servedBy }
}
