// Exercise 5: which backends are healthy, and which failed requests may be
// tried again elsewhere.
import { request as httpRequest } from 'node:http'
import type { Backend } from '#backend'
import type { ActiveCheckOptions, FailedAttempt, HealthLike, HealthOptions } from '#types'

/** Methods that may be sent twice with the effect of once (RFC 9110 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'])

/**
 * Passive health, as nginx does it: `maxFails` failed tries within
 * `failTimeoutMs` take a backend out for `failTimeoutMs`; then it gets
 * requests again, and one more failure takes it out again.
 */
export class PassiveHealth implements HealthLike {
  readonly #options: HealthOptions
  readonly #failures = new Map<string, number[]>()

  constructor(options: HealthOptions) {
    this.#options = options
  }

  succeeded(backend: Backend): void {
    this.#failures.delete(backend.name)
  }

  failed(backend: Backend): void {
    const now = performance.now()
    const recent = (this.#failures.get(backend.name) ?? []).filter(
      (at) => now - at < this.#options.failTimeoutMs,
    )
    recent.push(now)
    this.#failures.set(backend.name, recent)
    if (recent.length >= this.#options.maxFails) {
      backend.outUntil = now + this.#options.failTimeoutMs
      this.#failures.delete(backend.name)
    }
  }

  /**
   * nginx's rule: a request that may have reached a backend is sent again
   * only if its method is idempotent; one that never left (no connection)
   * may always go elsewhere. Never more than maxTries in all.
   */
  mayRetry(method: string, failure: FailedAttempt, tries: number): boolean {
    if (tries >= this.#options.maxTries) return false
    return !failure.sent || IDEMPOTENT.has(method)
  }
}

/**
 * Active health: GET /healthz on every backend each interval. `fall` failed
 * checks in a row take it out, `rise` good ones bring it back.
 */
export class ActiveHealthCheck {
  readonly #backends: () => readonly Backend[]
  readonly #options: ActiveCheckOptions
  readonly #streaks = new Map<string, number>()
  #timer: NodeJS.Timeout | undefined

  constructor(backends: () => readonly Backend[], options: ActiveCheckOptions) {
    this.#backends = backends
    this.#options = options
  }

  start(): void {
    this.#timer = setInterval(() => {
      for (const backend of this.#backends()) void this.#check(backend)
    }, this.#options.intervalMs)
  }

  stop(): void {
    clearInterval(this.#timer)
  }

  async #check(backend: Backend): Promise<void> {
    const ok = await probe(backend.url, this.#options.timeoutMs)
    // A streak counts up while checks agree with the state, and flips it at fall or rise.
    const streak = this.#streaks.get(backend.name) ?? 0
    const next = ok === backend.failingChecks ? streak + 1 : 0
    const needed = backend.failingChecks ? this.#options.rise : this.#options.fall
    if (next >= needed) {
      backend.failingChecks = !ok
      this.#streaks.set(backend.name, 0)
    } else {
      this.#streaks.set(backend.name, next)
    }
  }
}

/** Whether GET /healthz answers 200 within timeoutMs. */
function probe(url: URL, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(new URL('/healthz', url), { agent: false, timeout: timeoutMs })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode === 200))
    })
    req.end()
  })
}
