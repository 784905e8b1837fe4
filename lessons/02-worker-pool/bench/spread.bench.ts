// How Node's cluster spreads connections over its workers: round-robin (the
// primary accepts and deals them out, the default) or a shared handle (every
// worker accepts on the same socket and the operating system picks), each
// with a new connection per request and with keep-alive connections.
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { describeMachine, machineLine } from '@course/common/bench'
import { startServer } from '@course/common/server-process'
import { parseTimelineHeader } from '@course/common/timeline'

const WORKERS = 4
const REQUESTS = 400
const CONCURRENCY = 8
const entry = fileURLToPath(new URL('./anchors/serve-cluster.ts', import.meta.url))

/** Sends REQUESTS requests, CONCURRENCY at a time; returns who served how many. */
async function spread(baseUrl: string, agent: Agent | false): Promise<number[]> {
  const counts = new Map<string, number>()
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request(
        new URL('/io?ms=2', baseUrl),
        { agent, headers: agent ? {} : { connection: 'close' } },
        (res) => {
          const by = parseTimelineHeader(String(res.headers['x-timeline']))?.servedBy ?? 'unknown'
          counts.set(by, (counts.get(by) ?? 0) + 1)
          res.resume().on('end', resolve)
        },
      )
      req.on('error', () => resolve())
      req.end()
    })
  for (let sent = 0; sent < REQUESTS; sent += CONCURRENCY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, one))
  }
  const shares = [...counts.values()].sort((a, b) => b - a)
  return [...shares, ...Array(Math.max(0, WORKERS - shares.length)).fill(0)]
}

console.log(
  `\n${REQUESTS} requests, ${CONCURRENCY} at a time, to ${WORKERS} cluster workers (node:http); requests served by each worker, busiest first; ${machineLine(describeMachine())}\n`,
)
console.log('scheduling      connections        per worker              busiest share')
for (const policy of ['round-robin', 'shared-handle'] as const) {
  const server = await startServer({
    entry,
    args: [
      '--workers',
      String(WORKERS),
      '--http',
      ...(policy === 'shared-handle' ? ['--shared-handle'] : []),
    ],
  })
  try {
    for (const mode of ['new per request', 'keep-alive'] as const) {
      const agent =
        mode === 'keep-alive' ? new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) : false
      const counts = await spread(server.baseUrl, agent)
      if (agent) agent.destroy()
      const busiest = ((100 * (counts[0] ?? 0)) / REQUESTS).toFixed(0)
      console.log(
        `${policy.padEnd(15)} ${mode.padEnd(18)} ${counts.join(' / ').padEnd(23)} ${busiest.padStart(6)} %`,
      )
    }
  } finally {
    await server.stop()
  }
}
console.log(
  `\nAn even spread gives each worker ${(100 / WORKERS).toFixed(0)} %. A keep-alive connection stays with the worker that accepted it.`,
)
