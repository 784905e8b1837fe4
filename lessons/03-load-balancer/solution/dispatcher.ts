// Exercise 4: at most k requests in flight per backend, like HAProxy's
// `maxconn`. A sync backend serves one request at a time: anything more sent
// to it waits in its accept queue, where no balancer can move it to a backend
// that has become free. So the balancer keeps the excess itself, in one
// bounded queue, and hands each waiting request to the first backend free.
import type { Backend } from '#backend'
import { NoBackendError, QueueFullError, QueueTimeoutError } from '#errors'
import type { DispatcherLike, DispatcherOptions, Picker } from '#types'

interface Waiter {
  exclude: ReadonlySet<string>
  resolve: (backend: Backend) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

export class Dispatcher implements DispatcherLike {
  readonly #backends: () => readonly Backend[]
  readonly #picker: Picker
  readonly #options: DispatcherOptions
  readonly #queue: Waiter[] = []

  constructor(backends: () => readonly Backend[], picker: Picker, options: DispatcherOptions) {
    this.#backends = backends
    this.#picker = picker
    this.#options = options
  }

  acquire(exclude: ReadonlySet<string>): Promise<Backend> {
    if (!this.#anyUp(exclude)) return Promise.reject(new NoBackendError())
    // First come, first served: a newcomer never overtakes a request already waiting.
    const backend = this.#queue.length === 0 ? this.#take(exclude) : undefined
    if (backend) return Promise.resolve(backend)
    if (this.#queue.length >= this.#options.maxQueue) {
      return Promise.reject(new QueueFullError(this.#options.maxQueue))
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        exclude,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1)
          reject(new QueueTimeoutError(this.#options.queueTimeoutMs))
        }, this.#options.queueTimeoutMs),
      }
      this.#queue.push(waiter)
      // A backend the requests ahead may not use (they failed on it) may still serve this one.
      this.#serveQueue()
    })
  }

  release(backend: Backend, latencyMs?: number): void {
    backend.inFlight--
    if (latencyMs !== undefined) this.#picker.observe(backend, latencyMs)
    this.#serveQueue()
  }

  /** Hands free backends to waiting requests, oldest first. */
  #serveQueue(): void {
    for (let i = 0; i < this.#queue.length; ) {
      const waiter = this.#queue[i] as Waiter
      const backend = this.#take(waiter.exclude)
      if (!backend && this.#anyUp(waiter.exclude)) {
        i++
        continue
      }
      this.#queue.splice(i, 1)
      clearTimeout(waiter.timer)
      if (backend) waiter.resolve(backend)
      else waiter.reject(new NoBackendError())
    }
  }

  /** A backend with a free slot, chosen by the picker, its slot taken; or undefined. */
  #take(exclude: ReadonlySet<string>): Backend | undefined {
    const limit = this.#options.maxConnPerBackend
    const candidates = this.#backends()
      .filter((backend) => !exclude.has(backend.name))
      .map((backend) => ({
        name: backend.name,
        weight: backend.weight,
        inFlight: backend.inFlight,
        down: backend.down || (limit > 0 && backend.inFlight >= limit),
        backend,
      }))
    const backend = this.#picker.pick(candidates)?.backend
    if (backend) backend.inFlight++
    return backend
  }

  #anyUp(exclude: ReadonlySet<string>): boolean {
    return this.#backends().some((backend) => !backend.down && !exclude.has(backend.name))
  }
}
