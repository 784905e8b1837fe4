import { writeFileSync } from 'node:fs'
import { measureThroughput } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { nodeHttpBackendFile } from '../backends/index.ts'
const backend = await startServer({ entry: nodeHttpBackendFile })
writeFileSync('/tmp/bal.json', JSON.stringify({ poolSize: 16, backends: [{ name: 'a', url: backend.baseUrl }] }))
const prof = process.env.PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=/tmp/prof` } : {}
const bal = await startServer({ entry: new URL('../bin/serve.ts', import.meta.url).pathname, args: ['--config', '/tmp/bal.json'], env: { COURSE_IMPL: 'solution', ...prof } })
for (let i = 0; i < 3; i++) {
  const r = await measureThroughput({ url: `${bal.baseUrl}/`, connections: 10, durationSeconds: 2 })
  console.log('balancer rps', Math.round(r.requestsPerSecond), 'p99', r.latencyMs.p99)
}
await bal.stop(); await backend.stop()
