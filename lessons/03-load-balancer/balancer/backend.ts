// One backend as the balancer sees it: where it is, how much it may get, and
// how it is doing. Given to you: the exercises read and update these fields.
import { Pool } from 'undici'
import type { Candidate } from '#types'
import { DEFAULTS } from './config.ts'

export interface BackendConfig {
  /** How the balancer names it in logs and tests, e.g. "a". */
  name: string
  /** e.g. "http://127.0.0.1:8081". */
  url: string
  weight?: number
}

export class Backend implements Candidate {
  readonly name: string
  readonly url: URL
  readonly weight: number
  /**
   * Upstream keep-alive: at most `poolSize` connections to this backend,
   * idle ones kept for the next request. A backend that closes after each
   * answer (lesson 01's) simply gets a new connection each time.
   */
  readonly pool: Pool
  inFlight = 0
  /** Passive health (nginx's fail_timeout): out of rotation until this time (performance.now()). */
  outUntil = 0
  /** Active health: the last checks failed. */
  failingChecks = false
  /** Being removed: finishes what it has, gets nothing new. */
  draining = false

  constructor(
    config: BackendConfig,
    poolSize: number,
    connectTimeoutMs = DEFAULTS.connectTimeoutMs,
  ) {
    this.name = config.name
    this.url = new URL(config.url)
    this.weight = config.weight ?? 1
    this.pool = new Pool(this.url.origin, {
      connections: poolSize,
      connect: { timeout: connectTimeoutMs },
    })
  }

  get down(): boolean {
    return this.draining || this.failingChecks || performance.now() < this.outUntil
  }
}
