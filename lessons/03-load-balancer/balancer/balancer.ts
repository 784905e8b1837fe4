// Puts the exercises together: backends from the config, a picker, the
// dispatcher (limit and queue), health, and the proxy in front. Given to you;
// read it to see where each of your files plugs in.
import type { Server } from 'node:http'
import type {
  ActiveCheckOptions,
  CreatePicker,
  CreateProxy,
  DispatcherLike,
  DispatcherOptions,
  HealthLike,
  HealthOptions,
  Picker,
} from '#types'
import { Backend } from './backend.ts'
import type { BalancerConfig } from './config.ts'

/** What the balancer needs from the chosen implementation (src/ or solution/). */
export interface Implementation {
  createPicker: CreatePicker
  createProxy: CreateProxy
  Dispatcher: new (
    backends: () => readonly Backend[],
    picker: Picker,
    options: DispatcherOptions,
  ) => DispatcherLike
  PassiveHealth: new (options: HealthOptions) => HealthLike
  ActiveHealthCheck: new (
    backends: () => readonly Backend[],
    options: ActiveCheckOptions,
  ) => { start(): void; stop(): void }
}

export class Balancer {
  readonly server: Server
  #backends: Backend[]
  readonly #draining = new Set<Backend>()
  readonly #checks: { stop(): void } | undefined
  readonly #poolSize: number

  constructor(config: BalancerConfig, implementation: Implementation) {
    this.#poolSize = config.poolSize
    this.#backends = config.backends.map((backend) => new Backend(backend, config.poolSize))
    const backends = () => this.#backends
    const dispatcher = new implementation.Dispatcher(
      backends,
      implementation.createPicker(config.algorithm),
      config,
    )
    this.server = implementation.createProxy({
      dispatcher: {
        acquire: (exclude) => dispatcher.acquire(exclude),
        release: (backend, latencyMs) => {
          dispatcher.release(backend, latencyMs)
          this.#retireDrained()
        },
      },
      health: new implementation.PassiveHealth(config),
      maxBodyBytes: config.maxBodyBytes,
      requestBuffering: config.requestBuffering,
      connectTimeoutMs: config.connectTimeoutMs,
      readTimeoutMs: config.readTimeoutMs,
    })
    if (config.healthCheck) {
      const checks = new implementation.ActiveHealthCheck(backends, config.healthCheck)
      checks.start()
      this.#checks = checks
    }
  }

  /**
   * Applies a new list of backends without losing a request: new ones join,
   * kept ones stay as they are, and removed ones drain: they get nothing new
   * and leave once their requests in flight are answered.
   */
  reload(config: BalancerConfig): void {
    const byUrl = new Map(this.#backends.map((backend) => [backend.url.href, backend]))
    const next = config.backends.map(
      (wanted) => byUrl.get(new URL(wanted.url).href) ?? new Backend(wanted, this.#poolSize),
    )
    for (const backend of this.#backends) {
      if (next.includes(backend)) continue
      backend.draining = true
      this.#draining.add(backend)
    }
    // Draining ones stay listed until they are done, so their slots are released normally.
    this.#backends = [...next, ...this.#draining]
    this.#retireDrained()
  }

  #retireDrained(): void {
    for (const backend of this.#draining) {
      if (backend.inFlight > 0) continue
      this.#draining.delete(backend)
      backend.agent.destroy()
      this.#backends = this.#backends.filter((kept) => kept !== backend)
    }
  }

  /** Stops the health checks and closes the upstream connections (after the server has closed). */
  close(): void {
    this.#checks?.stop()
    for (const backend of this.#backends) backend.agent.destroy()
  }
}
