// Why the balancer answered a request itself, with the status it answers.
export class BalancerError extends Error {
  readonly status: number
  /** Seconds a client should wait before trying again (sent as Retry-After on a 503). */
  readonly retryAfterSeconds: number | undefined

  constructor(status: number, message: string, retryAfterSeconds?: number) {
    super(message)
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Every backend is down (or was already tried): 502 at once, never a hang. */
export class NoBackendError extends BalancerError {
  override name = 'NoBackendError'
  constructor(message = 'No backend is up to serve this request') {
    super(502, message)
  }
}

/** Every backend is busy and the queue is full: 503 at once. */
export class QueueFullError extends BalancerError {
  override name = 'QueueFullError'
  constructor(limit: number) {
    super(
      503,
      `Every backend is busy and ${limit} request${limit === 1 ? ' is' : 's are'} already waiting`,
      1,
    )
  }
}

/** Waited in the queue longer than the queue timeout: 503. */
export class QueueTimeoutError extends BalancerError {
  override name = 'QueueTimeoutError'
  constructor(ms: number) {
    super(503, `No backend was free within ${ms} ms`, 1)
  }
}
