import { writeFileSync } from 'node:fs'
import { measureThroughput } from '@course/common/load'
import { startServer } from '@course/common/server-process'
import { nodeHttpBackendFile } from '../backends/index.ts'
const backend = await startServer({ entry: nodeHttpBackendFile })
writeFileSync('/tmp/bal.json', JSON.stringify({ poolSize: 16, backends: [{ name: 'a', url: backend.baseUrl }] }))
const bal = await startServer({ entry: new URL('../bin/serve.ts', import.meta.url).pathname, args: ['--config', '/tmp/bal.json'], env: { COURSE_IMPL: process.env.IMPL ?? 'solution' } })
const hp = await startServer({ entry: new URL('../anchors/http-proxy.ts', import.meta.url).pathname, args: ['--backend-port', String(backend.port)] })
const un = await startServer({ entry: new URL('./undici-proxy.ts', import.meta.url).pathname, args: [String(backend.port)] })
const r: Record<string, number[]> = { balancer: [], httpProxy: [], undici: [] }
for (let i = 0; i < 5; i++) {
  for (const [k, s] of [['balancer', bal], ['httpProxy', hp], ['undici', un]] as const) {
    const m = await measureThroughput({ url: `${s.baseUrl}/`, connections: 10, durationSeconds: 1.5 })
    if (i > 0) r[k]?.push(m.requestsPerSecond)
  }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1] ?? 0
console.log('balancer', med(r.balancer ?? []).toFixed(0), 'http-proxy', med(r.httpProxy ?? []).toFixed(0), 'ratio', (med(r.balancer ?? []) / med(r.httpProxy ?? [])).toFixed(2), 'undici', med(r.undici ?? []).toFixed(0))
await un.stop()
await bal.stop(); await hp.stop(); await backend.stop()
