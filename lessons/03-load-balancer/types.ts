// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
import type { Server } from 'node:http'
import type { Backend, BackendConfig } from '#backend'

/** The balancing methods, by the names the config file and the tests use. */
export type Algorithm =
  | 'round-robin'
  | 'weighted'
  | 'least-connections'
  | 'two-choices'
  | 'peak-ewma'

/** Exercise 1 (pickers.ts): what a picker sees of each backend. */
export interface Candidate {
  readonly name: string
  /** How many turns it gets per cycle of the weighted picker (nginx's `weight=`). */
  readonly weight: number
  /** Out of rotation: failed health checks, or full. A picker never returns it. */
  readonly down: boolean
  /** Requests sent to it that have not been answered yet. */
  readonly inFlight: number
}

export interface Picker {
  /** The backend for the next request, or undefined when every candidate is down. */
  pick<C extends Candidate>(candidates: readonly C[]): C | undefined
  /** A request this picker chose was answered after `latencyMs` (peak EWMA learns from it). */
  observe(candidate: Candidate, latencyMs: number): void
}

export interface PickerOptions {
  /** A number in [0, 1): Math.random by default; tests pass a fixed sequence. */
  random?: () => number
  /** Milliseconds: performance.now by default; tests pass a fake clock. */
  now?: () => number
  /** Peak EWMA: how fast an old latency is forgotten (Finagle: 10 s). */
  decayMs?: number
}

export type CreatePicker = (algorithm: Algorithm, options?: PickerOptions) => Picker

/** Exercise 2 (forward-headers.ts): header name (lower case) -> its values, in order. */
export type HeaderMap = Record<string, string[]>

/** Exercise 3 (proxy.ts). */
export interface ProxyOptions {
  dispatcher: DispatcherLike
  health: HealthLike
  /** A body larger than this gets 413 before any backend is chosen. */
  maxBodyBytes: number
  /** Read the whole request before choosing a backend (nginx's proxy_request_buffering). */
  requestBuffering?: boolean
  /** Longest silence from a backend before its answer starts: then 504. */
  readTimeoutMs: number
}

export type CreateProxy = (options: ProxyOptions) => Server

/** Exercise 4 (dispatcher.ts). */
export interface DispatcherOptions {
  /** k: requests in flight per backend at most (HAProxy's `maxconn`); 0 for no limit. */
  maxConnPerBackend: number
  /** Requests allowed to wait for a free backend; one more gets 503 at once. */
  maxQueue: number
  /** How long a request may wait for a free backend (HAProxy's `timeout queue`): then 503. */
  queueTimeoutMs: number
}

export interface DispatcherLike {
  /**
   * A backend for one try, its slot taken (inFlight + 1). `exclude` names the
   * backends this request already failed on. Rejects with a BalancerError:
   * NoBackendError (502) at once when no candidate is up, QueueFullError or
   * QueueTimeoutError (503) when every one is busy for too long.
   */
  acquire(exclude: ReadonlySet<string>): Promise<Backend>
  /** The try is over: free the slot, and tell the picker the latency if it was answered. */
  release(backend: Backend, latencyMs?: number): void
}

/** Exercise 5 (health.ts). */
export interface HealthOptions {
  /** Failed tries within failTimeoutMs that take a backend out (nginx's `max_fails`). */
  maxFails: number
  /** The window for counting failures, and how long a backend stays out (`fail_timeout`). */
  failTimeoutMs: number
  /** Most backends one request may be tried on (nginx's `proxy_next_upstream_tries`). */
  maxTries: number
}

export interface HealthLike {
  succeeded(backend: Backend): void
  failed(backend: Backend): void
  /** May a request whose try failed like this be sent to another backend? */
  mayRetry(method: string, failure: FailedAttempt, tries: number): boolean
}

export interface ActiveCheckOptions {
  intervalMs: number
  /** Give up on one check after this long. */
  timeoutMs: number
  /** Consecutive failed checks that take a backend out. */
  fall: number
  /** Consecutive good checks that bring it back. */
  rise: number
}

/** Exercise 6 (reload.ts): what a new config does to the backends running now. */
export interface ReloadPlan {
  /** Named by the new config and not running: start them. */
  add: BackendConfig[]
  /** Running and named again (same URL): left as they are, requests in flight and health included. */
  keep: Backend[]
  /** Running and no longer named: they get nothing new and finish what they have. */
  drain: Backend[]
}

export type PlanReload = (
  running: readonly Backend[],
  wanted: readonly BackendConfig[],
) => ReloadPlan

/** The backends behind the balancer, as config reloads change them. */
export interface UpstreamLike {
  /** What the dispatcher and the health checks see: the serving backends and the draining ones. */
  readonly backends: readonly Backend[]
  /** Applies a new config's list of backends (on SIGHUP) without cutting a request. */
  reload(wanted: readonly BackendConfig[]): void
  /** Drops the draining backends with nothing left in flight, and returns them to be closed. */
  retire(): Backend[]
}

/** How one try on one backend ended (balancer/forward.ts). */
export type Attempt =
  | { kind: 'answered'; latencyMs: number }
  | { kind: 'cut'; message: string }
  | FailedAttempt

export interface FailedAttempt {
  kind: 'failed'
  /** connect: no connection; reset: the connection broke; timeout: no answer in time. */
  reason: 'connect' | 'reset' | 'timeout'
  /** Whether any byte of the request may have reached the backend. */
  sent: boolean
  message: string
}
