import { writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { measureThroughput } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { nodeHttpBackendFile } from '../backends/index.ts'
const backend = await startServer({ entry: nodeHttpBackendFile })
writeFileSync('/tmp/bal.json', JSON.stringify({ poolSize: 16, backends: [{ name: 'a', url: backend.baseUrl }] }))
const child = spawn('node', ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', 'bin/serve.ts', '--config', '/tmp/bal.json', '--port', '9977'], { env: { ...process.env, COURSE_IMPL: 'solution' }, stdio: 'inherit' })
await sleep(2000)
for (let i = 0; i < 3; i++) {
  const r = await measureThroughput({ url: `http://127.0.0.1:9977/`, connections: 10, durationSeconds: 2 })
  console.log('balancer rps', Math.round(r.requestsPerSecond), 'p99', r.latencyMs.p99)
}
child.kill('SIGTERM'); await new Promise((r) => child.on('exit', r)); await backend.stop()
