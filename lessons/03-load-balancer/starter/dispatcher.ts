// Exercise 4: a limit and a queue per backend (HAProxy's maxconn and timeout queue).
//
// A sync backend serves one request at a time. Send it a second one and that
// request waits in the backend's accept queue, out of the balancer's reach:
// if another backend frees up meanwhile, nothing can move it there. So the
// balancer keeps the excess itself.
//
// This dispatcher works, without either: it hands every request to the
// picker's choice at once. Make it:
//   1. count a backend as full (treat it as down for the picker) once it has
//      options.maxConnPerBackend requests in flight (0 means no limit);
//   2. when every candidate is full, keep the request waiting in one queue,
//      first come first served, at most options.maxQueue long (one more:
//      reject with new QueueFullError(maxQueue) at once);
//   3. on release(), hand the freed slot to the oldest waiting request that
//      may use it (a request never goes back to a backend in its `exclude`);
//   4. reject a request still waiting after options.queueTimeoutMs with new
//      QueueTimeoutError(ms) (the proxy answers 503 with Retry-After).
// Keep: a NoBackendError at once when nothing is up, never a wait.
//
// Run: pnpm course test limit-and-queue     Stuck: pnpm course hint limit-and-queue
import type { Backend } from '#backend'
import { NoBackendError } from '#errors'
import type { DispatcherLike, DispatcherOptions, Picker } from '#types'

export class Dispatcher implements DispatcherLike {
  readonly #backends: () => readonly Backend[]
  readonly #picker: Picker
  readonly options: DispatcherOptions

  constructor(backends: () => readonly Backend[], picker: Picker, options: DispatcherOptions) {
    this.#backends = backends
    this.#picker = picker
    this.options = options
  }

  acquire(exclude: ReadonlySet<string>): Promise<Backend> {
    const candidates = this.#backends().filter((backend) => !exclude.has(backend.name))
    const backend = this.#picker.pick(candidates)
    if (!backend) return Promise.reject(new NoBackendError())
    backend.inFlight++
    return Promise.resolve(backend)
  }

  release(backend: Backend, latencyMs?: number): void {
    backend.inFlight--
    if (latencyMs !== undefined) this.#picker.observe(backend, latencyMs)
  }
}
