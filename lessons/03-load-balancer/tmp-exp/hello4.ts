import { writeFileSync } from 'node:fs'
import { spawn, execSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { measureThroughput } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { nodeHttpBackendFile } from '../backends/index.ts'
const backend = await startServer({ entry: nodeHttpBackendFile })
writeFileSync('/tmp/bal.json', JSON.stringify({ poolSize: 16, backends: [{ name: 'a', url: backend.baseUrl }] }))
const child = spawn('node', ['--import', 'tsx', process.env.ENTRY ?? 'bin/serve.ts', '--config', '/tmp/bal.json', '--port', '9977'], { env: { ...process.env, COURSE_IMPL: 'solution' }, stdio: 'inherit' })
await sleep(2500)
await measureThroughput({ url: `http://127.0.0.1:9977/`, connections: 10, durationSeconds: 1 })
const st = spawn('strace', ['-f', '-c', '-o', '/tmp/strace.txt', '-p', String(child.pid)], { stdio: 'inherit' })
await sleep(500)
const r = await measureThroughput({ url: `http://127.0.0.1:9977/`, connections: 10, durationSeconds: 2 })
console.log('requests', Math.round(r.requestsPerSecond * 2))
st.kill('SIGINT'); await sleep(500)
child.kill('SIGTERM'); await new Promise((r) => child.on('exit', r)); await backend.stop()
