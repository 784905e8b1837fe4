// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
import type { Server } from 'node:net'
import type { AppRequest } from '@course/common/app'

/** Exercise 1 (parse-request.ts): the outcome of parsing the bytes received so far. */
export type ParseResult =
  | { kind: 'incomplete' }
  | { kind: 'request'; request: AppRequest; consumed: number }
  | { kind: 'error'; status: 400 | 413 | 431 | 501 | 505; message: string }

export interface ParseLimits {
  maxHeaderBytes: number
  maxBodyBytes: number
}

export type ParseRequest = (buffer: Buffer, limits?: ParseLimits) => ParseResult

/** Exercise 2 (blocking-server.ts). */
export interface BlockingServerOptions {
  /** How long a client may take to send its headers before it gets 408 (default 10 000 ms). */
  headerTimeoutMs?: number
  limits?: ParseLimits
}

export type CreateBlockingServer = (options?: BlockingServerOptions) => Server

/** Exercise 3 (measure.ts). */
export interface StaircaseReport {
  n: number
  waitMs: number
  /** What one-at-a-time predicts for the whole burst: N x T. */
  predictedMs: number
  /** From the first request sent to the last response received. */
  wallMs: number
  /** Each request's latency as the client saw it, shortest first: the staircase T, 2T, ... NT. */
  latenciesMs: number[]
  /** Most requests the server was serving at one instant (1 for a blocking server). */
  maxConcurrent: number
  /** The burst drawn as a terminal waterfall (renderWaterfall). */
  waterfall: string
}

/** Exercise 4 (header-deadline.ts). */
export interface HeaderDeadline {
  /** The headers arrived in time: stop the clock. */
  clear(): void
}
