import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ServerProcess, startServer } from '@course/common/server-process'

const entry = fileURLToPath(new URL('../bin/serve.ts', import.meta.url))

/** The lesson's balancer (the implementation COURSE_IMPL chose) over running backends. */
export async function startBalancerProcess(
  backends: ServerProcess[],
  config: Record<string, unknown>,
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'course-03-bench-'))
  const file = join(dir, 'balancer.json')
  const named = backends.map((backend, i) => ({ name: `b${i}`, url: backend.baseUrl }))
  writeFileSync(file, JSON.stringify({ ...config, backends: named }))
  const balancer = await startServer({ entry, args: ['--config', file] })
  return {
    ...balancer,
    async stop(signal, graceMs) {
      await balancer.stop(signal, graceMs)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
