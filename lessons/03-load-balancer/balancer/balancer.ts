// Puts the exercises together: the upstream (the backends, as reloads change
// them), a picker, the dispatcher (limit and queue), health, and the proxy in
// front. Given to you; read it to see where each of your files plugs in.
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
  UpstreamLike,
} from '#types'
import { Backend, type BackendConfig } from './backend.ts'
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
  Upstream: new (
    configs: readonly BackendConfig[],
    createBackend: (config: BackendConfig) => Backend,
  ) => UpstreamLike
}

export class Balancer {
  readonly server: Server
  readonly #upstream: UpstreamLike
  readonly #checks: { stop(): void } | undefined

  constructor(config: BalancerConfig, implementation: Implementation) {
    this.#upstream = new implementation.Upstream(
      config.backends,
      (backend) => new Backend(backend, config.poolSize, config.connectTimeoutMs),
    )
    const backends = () => this.#upstream.backends
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
          this.#closeRetired()
        },
      },
      health: new implementation.PassiveHealth(config),
      maxBodyBytes: config.maxBodyBytes,
      requestBuffering: config.requestBuffering,
      readTimeoutMs: config.readTimeoutMs,
    })
    if (config.healthCheck) {
      const checks = new implementation.ActiveHealthCheck(backends, config.healthCheck)
      checks.start()
      this.#checks = checks
    }
  }

  /**
   * A new config's backends (SIGHUP): your Upstream decides who joins, who
   * stays and who drains; the ones already drained close their connections.
   */
  reload(config: BalancerConfig): void {
    this.#upstream.reload(config.backends)
    this.#closeRetired()
  }

  #closeRetired(): void {
    for (const backend of this.#upstream.retire()) void backend.pool.destroy()
  }

  /** Stops the health checks and closes the upstream connections (after the server has closed). */
  close(): void {
    this.#checks?.stop()
    for (const backend of this.#upstream.backends) void backend.pool.destroy()
  }
}
