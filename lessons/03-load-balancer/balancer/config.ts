// The balancer's configuration file: the backends and every knob, each with
// nginx's or HAProxy's default where they have one. Read at start and again
// on SIGHUP (`nginx -s reload`).
import { readFileSync } from 'node:fs'
import { LIMITS } from '@course/common/app'
import type { ActiveCheckOptions, Algorithm } from '#types'
import type { BackendConfig } from './backend.ts'

export interface BalancerConfig {
  backends: BackendConfig[]
  algorithm: Algorithm
  /** k, requests in flight per backend (HAProxy maxconn); 0: no limit (nginx's default). */
  maxConnPerBackend: number
  maxQueue: number
  queueTimeoutMs: number
  /** Idle upstream connections kept per backend, and the most open at once (nginx's keepalive). */
  poolSize: number
  maxBodyBytes: number
  requestBuffering: boolean
  connectTimeoutMs: number
  readTimeoutMs: number
  maxTries: number
  maxFails: number
  failTimeoutMs: number
  /** Active checks (GET /healthz); off when absent. */
  healthCheck?: ActiveCheckOptions
}

export const ALGORITHMS: readonly Algorithm[] = [
  'round-robin',
  'weighted',
  'least-connections',
  'two-choices',
  'peak-ewma',
]

export const DEFAULTS: Omit<BalancerConfig, 'backends'> = {
  algorithm: 'round-robin',
  maxConnPerBackend: 0,
  maxQueue: 100,
  queueTimeoutMs: 5_000,
  poolSize: 8,
  maxBodyBytes: LIMITS.maxBodyBytes,
  requestBuffering: true,
  connectTimeoutMs: 1_000,
  readTimeoutMs: 60_000,
  maxTries: 3,
  maxFails: 1,
  failTimeoutMs: 10_000,
}

/** Reads and checks a config file; throws an Error whose message is one line saying what is wrong. */
export function readConfig(file: string): BalancerConfig {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`)
  }
  return checkConfig(raw, file)
}

export function checkConfig(raw: unknown, where = 'config'): BalancerConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected a JSON object`)
  const config = { ...DEFAULTS, ...raw } as BalancerConfig
  if (!Array.isArray(config.backends) || config.backends.length === 0) {
    throw new Error(`${where}: "backends" must list at least one { "name", "url" }`)
  }
  const urls = new Set<string>()
  for (const backend of config.backends) {
    if (typeof backend?.name !== 'string' || !URL.canParse(backend.url)) {
      throw new Error(
        `${where}: each backend needs a "name" and a "url", got ${JSON.stringify(backend)}`,
      )
    }
    // A reload knows a backend by its URL: two of them would be one backend twice.
    const url = new URL(backend.url).href
    if (urls.has(url)) throw new Error(`${where}: two backends have the url ${url}; list each once`)
    urls.add(url)
    if (backend.weight !== undefined && !(Number.isInteger(backend.weight) && backend.weight > 0)) {
      throw new Error(
        `${where}: backend "${backend.name}" has weight ${backend.weight}; use a whole number >= 1`,
      )
    }
  }
  if (!ALGORITHMS.includes(config.algorithm)) {
    throw new Error(
      `${where}: "algorithm" must be one of ${ALGORITHMS.join(', ')}, got "${config.algorithm}"`,
    )
  }
  for (const [key, value] of Object.entries(config)) {
    if (typeof (DEFAULTS as Record<string, unknown>)[key] === 'number') {
      if (!Number.isInteger(value) || (value as number) < 0) {
        throw new Error(
          `${where}: "${key}" must be a whole number >= 0, got ${JSON.stringify(value)}`,
        )
      }
    }
  }
  return config
}
