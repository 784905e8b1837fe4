// Exercise 6: changes without loss.
//
// On SIGHUP the balancer re-reads its config file, as `nginx -s reload` does,
// and calls reload() with the new list of backends (bin/serve.ts and
// balancer/balancer.ts, given). Until you write it, a reload fails with this
// file's message and the running backends stay as they are.
//
// The rule: no request may be cut. A backend the new list no longer names
// DRAINS: it gets nothing new, finishes the requests it holds, and only then
// leaves (and its connections are closed).
//
//   1. planReload(running, wanted): match by URL (new URL(config.url).href
//      against backend.url.href). Named and running: keep (the same object,
//      with its inFlight and health). Named, not running: add (its config).
//      Running, not named: drain. Pure: no sockets, no timers.
//   2. Upstream.reload(wanted): apply the plan. Kept ones serve
//      (draining = false: one named again while it drained comes back),
//      drained ones get draining = true (the Backend's `down` reads it, so no
//      picker chooses them) and STAY in the list, so the dispatcher can
//      release their slots as their requests end. New ones come from
//      this.createBackend(config).
//   3. retire(): the balancer calls it after every answered request. Remove
//      and return the draining backends with nothing in flight (inFlight 0);
//      the balancer closes their connections. Never one with a request still
//      in flight: that request would be cut.
//
// Run: pnpm course test reload     Stuck: pnpm course hint reload
import { todo } from '@course/common/todo'
import type { Backend, BackendConfig } from '#backend'
import type { ReloadPlan, UpstreamLike } from '#types'

const file = 'lessons/03-load-balancer/src/reload.ts'

export function planReload(
  running: readonly Backend[],
  wanted: readonly BackendConfig[],
): ReloadPlan {
  return todo(
    file,
    `planReload: which of ${running.length} running backends to keep or drain, and which of ${wanted.length} wanted ones to add`,
    'reload',
  )
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
    const plan = planReload(this.#backends, wanted)
    todo(
      file,
      `Upstream.reload: apply the plan (${plan.add.length} to add, ${plan.drain.length} to drain)`,
      'reload',
    )
  }

  retire(): Backend[] {
    // Nothing drains until reload() does.
    return []
  }
}
