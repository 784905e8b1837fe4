// What the benchmark compares, started once per size and shared: the
// backends, then the lesson's balancer and nginx in front of the same ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Contender } from '@course/common/bench'
import { type ServerProcess, startServer } from '@course/common/server-process'
import { startNginx } from '../anchors/nginx.ts'

const balancerEntry = fileURLToPath(new URL('../bin/serve.ts', import.meta.url))

/** Backends for one size at a time, started by the first contender that needs them. */
export class SharedBackends {
  readonly #start: (size: number) => Promise<ServerProcess[]>
  #size = -1
  #users = 0
  #backends: Promise<ServerProcess[]> | undefined

  constructor(start: (size: number) => Promise<ServerProcess[]>) {
    this.#start = start
  }

  acquire(size: number): Promise<ServerProcess[]> {
    if (this.#size !== size || !this.#backends) {
      this.#size = size
      this.#backends = this.#start(size)
    }
    this.#users++
    return this.#backends
  }

  async release(): Promise<void> {
    if (--this.#users > 0 || !this.#backends) return
    const backends = await this.#backends
    this.#backends = undefined
    await Promise.all(backends.map((backend) => backend.stop()))
  }
}

/** Straight at the first backend: what a proxy in front costs is measured against it. */
export function direct(shared: SharedBackends): Contender<string> {
  return {
    name: 'direct',
    async start(size) {
      const [backend] = await shared.acquire(size)
      return { handle: backend?.baseUrl ?? '', stop: () => shared.release() }
    },
  }
}

/** The lesson's balancer (the implementation COURSE_IMPL chose) over the shared backends. */
export function balancer(
  shared: SharedBackends,
  config: Record<string, unknown>,
  { name = 'balancer', anchor }: { name?: string; anchor?: string | undefined } = {},
): Contender<string> {
  return {
    name,
    ...(anchor ? { anchor } : {}),
    async start(size) {
      const backends = await shared.acquire(size)
      const dir = mkdtempSync(join(tmpdir(), 'course-03-bench-'))
      const file = join(dir, 'balancer.json')
      const named = backends.map((backend, i) => ({ name: `b${i}`, url: backend.baseUrl }))
      writeFileSync(file, JSON.stringify({ ...config, backends: named }))
      const server = await startServer({ entry: balancerEntry, args: ['--config', file] })
      return {
        handle: server.baseUrl,
        async stop() {
          await server.stop()
          rmSync(dir, { recursive: true, force: true })
          await shared.release()
        },
      }
    },
  }
}

/** nginx with an upstream block over the shared backends (keepalive 16). */
export function nginx(shared: SharedBackends, binary: string): Contender<string> {
  return {
    name: 'nginx',
    async start(size) {
      const backends = await shared.acquire(size)
      const server = await startNginx(binary, {
        backends: backends.map(({ port }) => ({ port })),
        keepalive: 16,
      })
      return {
        handle: server.baseUrl,
        async stop() {
          await server.stop()
          await shared.release()
        },
      }
    },
  }
}

const httpProxyEntry = fileURLToPath(new URL('../anchors/http-proxy.ts', import.meta.url))

/** http-proxy (npm) with a keep-alive agent, in front of the first shared backend. */
export function httpProxy(shared: SharedBackends): Contender<string> {
  return {
    name: 'http-proxy',
    async start(size) {
      const [backend] = await shared.acquire(size)
      const server = await startServer({
        entry: httpProxyEntry,
        args: ['--backend-port', String(backend?.port ?? 0)],
      })
      return {
        handle: server.baseUrl,
        async stop() {
          await server.stop()
          await shared.release()
        },
      }
    },
  }
}
