// Starts what the tests balance over, each in a process of its own: backends
// (lesson 01's blocking server, or the recording one) and the balancer with a
// config file naming them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { type ServerProcess, startServer } from '@course/common/harness'
import { afterAll, beforeAll } from 'vitest'
import { type BackendEvent, backendEvents } from '../backends/events.ts'
import {
  blockingBackendFile,
  recordingBackendFile,
  unacceptingBackendFile,
} from '../backends/index.ts'
import type { BalancerConfig } from '../balancer/config.ts'

const balancerEntry = fileURLToPath(new URL('../bin/serve.ts', import.meta.url))

export type BackendKind = 'blocking' | 'recording' | 'unaccepting'

export interface BackendSpec {
  kind: BackendKind
  weight?: number
  /** Recording backends only: hold every request this long before serving it. */
  holdMs?: number
}

export interface Deployment {
  balancer: ServerProcess
  backends: ServerProcess[]
  /** What each recording backend saw so far, by backend index. */
  events(index: number): BackendEvent[]
  /** Every request any recording backend saw. */
  requests(): Extract<BackendEvent, { event: 'request' }>[]
  /**
   * Rewrites the balancer's config file with these backends (by index), sends
   * it SIGHUP, and resolves once it says it reloaded; rejects with what it
   * said instead (a reload that threw, e.g. an unfinished exercise).
   */
  reload(indexes: number[], config?: Partial<BalancerConfig>): Promise<void>
  /** Another balancer over the same backends, with another config; stop it yourself. */
  startBalancer(config: Partial<BalancerConfig>): Promise<ServerProcess>
  stop(): Promise<void>
}

export const NAMES = 'abcdefgh'

// Every config file of this test file goes here, and goes away with it.
const configDir = mkdtempSync(join(tmpdir(), 'course-03-'))
afterAll(() => rmSync(configDir, { recursive: true, force: true }))

export function startBackend({ kind, holdMs = 0 }: BackendSpec): Promise<ServerProcess> {
  if (kind === 'blocking') {
    return startServer({ entry: blockingBackendFile, env: { COURSE_IMPL: 'solution' } })
  }
  if (kind === 'unaccepting') return startServer({ entry: unacceptingBackendFile })
  return startServer({ entry: recordingBackendFile, args: ['--hold-ms', String(holdMs)] })
}

/** Writes a balancer config for these backends; returns the file. */
export function writeConfig(
  backends: Array<{ port: number; weight?: number | undefined }>,
  config: Partial<BalancerConfig>,
  file = join(configDir, `balancer-${Math.random().toString(36).slice(2)}.json`),
): string {
  const named = backends.map(({ port, weight }) => ({
    name: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    ...(weight === undefined ? {} : { weight }),
  }))
  writeFileSync(file, JSON.stringify({ ...config, backends: named }, null, 2))
  return file
}

/** A balancer process over backends already running. */
export function startBalancer(
  backends: Array<{ port: number; weight?: number | undefined }>,
  config: Partial<BalancerConfig> = {},
  file = writeConfig(backends, config),
): Promise<ServerProcess> {
  return startServer({ entry: balancerEntry, args: ['--config', file] })
}

export async function startDeployment(
  specs: BackendSpec[],
  config: Partial<BalancerConfig> = {},
): Promise<Deployment> {
  const backends = await Promise.all(specs.map(startBackend))
  const ports = backends.map((backend, i) => ({ port: backend.port, weight: specs[i]?.weight }))
  const file = writeConfig(ports, config)
  const balancer = await startBalancer(ports, config, file).catch(async (error: unknown) => {
    // A balancer that cannot start (an unfinished exercise) leaves no backend behind.
    await Promise.all(backends.map((backend) => backend.stop()))
    throw error
  })
  const events = (index: number) => backendEvents(backends[index]?.output() ?? '')
  return {
    balancer,
    backends,
    events,
    requests: () =>
      backends.flatMap((_, i) =>
        events(i).filter(
          (event): event is Extract<BackendEvent, { event: 'request' }> =>
            event.event === 'request',
        ),
      ),
    startBalancer: (config) => startBalancer(ports, config),
    async reload(indexes, next = config) {
      const chosen = indexes.map((index) => ports[index] ?? { port: 0 })
      const before = balancer.output().length
      writeConfig(chosen, next, file)
      balancer.child.kill('SIGHUP')
      for (let waited = 0; waited < 10_000; waited += 10) {
        const said = balancer.output().slice(before)
        if (said.includes('reloaded ')) return
        if (said.includes('keeping the running configuration')) {
          throw new Error(`The balancer kept its configuration:\n${said.trim()}`)
        }
        await delay(10)
      }
      throw new Error('The balancer said nothing within 10 s of SIGHUP')
    },
    async stop() {
      await balancer.stop()
      await Promise.all(backends.map((backend) => backend.stop()))
    },
  }
}

/**
 * One deployment for a whole test file (or describe block). If it cannot
 * start (an unfinished exercise), each test fails with the reason, rather
 * than the block being skipped.
 */
export function useDeployment(
  specs: BackendSpec[],
  config: Partial<BalancerConfig> = {},
): () => Deployment {
  let deployment: Deployment | undefined
  let failed: unknown
  beforeAll(async () => {
    deployment = await startDeployment(specs, config).catch((error: unknown) => {
      failed = error
      return undefined
    })
  })
  afterAll(async () => {
    await deployment?.stop()
  })
  return () => {
    if (failed) throw failed
    if (!deployment)
      throw new Error('The deployment has not started: call the getter inside a test.')
    return deployment
  }
}

export const blocking = (count: number): BackendSpec[] =>
  Array.from({ length: count }, () => ({ kind: 'blocking' }))
