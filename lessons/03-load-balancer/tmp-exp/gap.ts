import { request } from 'node:http'
import { startServer } from '@course/common/server-process'
import { parseTimelineHeader } from '@course/common/timeline'
import { writeFileSync } from 'node:fs'
import { blockingBackendFile } from '../backends/index.ts'
const mode = process.argv[2] ?? 'balancer'
const backend = await startServer({ entry: blockingBackendFile, env: { COURSE_IMPL: 'solution' } })
let url = backend.baseUrl
let bal
if (mode === 'balancer') {
  writeFileSync('/tmp/bal.json', JSON.stringify({ maxConnPerBackend: 1, algorithm: 'least-connections', backends: [{ name: 'a', url: backend.baseUrl }] }))
  bal = await startServer({ entry: new URL('../bin/serve.ts', import.meta.url).pathname, args: ['--config', '/tmp/bal.json'], env: { COURSE_IMPL: 'solution' } })
  url = bal.baseUrl
}
import { Agent } from 'node:http'
const ka = new Agent({ keepAlive: true, maxSockets: 8, maxFreeSockets: 8 })
const u = new URL(url)
const times: any[] = []
const one = () => new Promise<void>((resolve) => {
  const t0 = performance.now() + performance.timeOrigin
  const req = request({ host: u.hostname, port: u.port, path: '/io?ms=20', agent: process.env.KA ? ka : false }, (res) => {
    res.resume(); res.on('end', () => { times.push({ t0, t1: performance.now()+performance.timeOrigin, ...parseTimelineHeader(res.headers['x-timeline'] as string) }); resolve() })
  })
  req.end()
})
const end = performance.now() + Number(process.env.MS ?? 3000)
await Promise.all([0, 1].map(async () => { while (performance.now() < end) await one() }))
times.sort((a, b) => a.started - b.started)
const gaps = times.slice(1).map((t, i) => t.started - times[i].ended)
const acc = times.map((t) => t.started - t.accepted)
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(mode, 'n', times.length, 'rps', times.length / 3, 'median gap ended->next started', med(gaps).toFixed(2), 'p90', gaps.sort((a,b)=>a-b)[Math.floor(gaps.length*0.9)].toFixed(2), 'accepted->started', med(acc).toFixed(2), 'work', med(times.map(t=>t.ended-t.started)).toFixed(2))
console.log(JSON.stringify(times.slice(-4).map(t=>[t.accepted,t.started,t.ended].map(x=>x.toFixed(2)))))
await bal?.stop(); await backend.stop()
