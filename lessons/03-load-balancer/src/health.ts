// Exercise 5: health checks and retries.
//
// Until you write them, every backend is healthy for ever and nothing is
// retried: the balancer works, and a dead backend costs a 502 per request.
//
//   PassiveHealth, nginx's max_fails and fail_timeout:
//     1. failed(backend): options.maxFails failures within
//        options.failTimeoutMs take it out for failTimeoutMs
//        (backend.outUntil = performance.now() + failTimeoutMs; the
//        Backend's `down` reads it); succeeded(backend) forgets its failures.
//     2. mayRetry(method, failure, tries): never more than options.maxTries
//        tries in all. A request that never reached the backend
//        (failure.sent is false: no connection) may go elsewhere, whatever
//        its method. One that may have reached it is sent again only if its
//        method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE): a
//        POST that a backend received and then died on may have been done;
//        doing it twice is worse than a 502.
//   ActiveHealthCheck, nginx plus's health_check or HAProxy's check:
//     3. start(): every options.intervalMs, GET /healthz on each backend
//        (agent: false, timeout options.timeoutMs); options.fall failures in
//        a row set backend.failingChecks, options.rise successes in a row
//        clear it. stop() stops the timer.
//
// Run: pnpm course test health-and-retries     Stuck: pnpm course hint health-and-retries
import type { Backend } from '#backend'
import type { ActiveCheckOptions, FailedAttempt, HealthLike, HealthOptions } from '#types'

export class PassiveHealth implements HealthLike {
  readonly options: HealthOptions

  constructor(options: HealthOptions) {
    this.options = options
  }

  succeeded(backend: Backend): void {}

  failed(backend: Backend): void {}

  mayRetry(method: string, failure: FailedAttempt, tries: number): boolean {
    return false
  }
}

export class ActiveHealthCheck {
  readonly options: ActiveCheckOptions

  constructor(backends: () => readonly Backend[], options: ActiveCheckOptions) {
    this.options = options
  }

  start(): void {}

  stop(): void {}
}
