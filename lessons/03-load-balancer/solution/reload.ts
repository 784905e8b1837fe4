// Exercise 6: changes without loss. On SIGHUP the balancer re-reads its
// config file (as `nginx -s reload` does) and hands the new list of backends
// to reload(). Nothing in flight may be cut: a backend the new list no longer
// names drains (it gets nothing new, finishes what it holds) and leaves only
// when its last request is answered.
import type { Backend, BackendConfig } from '#backend'
import type { ReloadPlan, UpstreamLike } from '#types'

/**
 * Which backends to start, keep and drain, matched by URL: a backend is the
 * place requests go, so the same URL is the same backend, with its requests
 * in flight and its health, whatever the new file calls it.
 */
export function planReload(
  running: readonly Backend[],
  wanted: readonly BackendConfig[],
): ReloadPlan {
  const byUrl = new Map(running.map((backend) => [backend.url.href, backend]))
  const add: BackendConfig[] = []
  const keep: Backend[] = []
  for (const config of wanted) {
    const backend = byUrl.get(new URL(config.url).href)
    if (backend) keep.push(backend)
    else add.push(config)
  }
  const drain = running.filter((backend) => !keep.includes(backend))
  return { add, keep, drain }
}

export class Upstream implements UpstreamLike {
  readonly createBackend: (config: BackendConfig) => Backend
  #backends: Backend[]

  constructor(
    configs: readonly BackendConfig[],
    createBackend: (config: BackendConfig) => Backend,
  ) {
    this.createBackend = createBackend
    this.#backends = configs.map(createBackend)
  }

  get backends(): readonly Backend[] {
    return this.#backends
  }

  reload(wanted: readonly BackendConfig[]): void {
    const { add, keep, drain } = planReload(this.#backends, wanted)
    // A backend named again while it drained is back in service, not started twice.
    for (const backend of keep) backend.draining = false
    for (const backend of drain) backend.draining = true
    // Draining ones stay listed (and down) so their slots are released as usual.
    this.#backends = [...keep, ...add.map(this.createBackend), ...drain]
  }

  retire(): Backend[] {
    const done = this.#backends.filter((backend) => backend.draining && backend.inFlight === 0)
    this.#backends = this.#backends.filter((backend) => !done.includes(backend))
    return done
  }
}
