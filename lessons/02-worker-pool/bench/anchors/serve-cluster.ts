// Node's cluster, the production relative of the supervisor: W workers, each
// running lesson 01's blocking server (its reference) on a port the primary
// shares. `--shared-handle` switches cluster from its default round-robin to
// letting the operating system pick the worker for each connection; `--http`
// runs Node's own HTTP server in the workers instead, which keeps connections
// alive (lesson 01's closes each one).
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import { blockingNodeHttpHandler } from '@course/common/http'
import { parseServerArgs } from '@course/common/serve'
import { createBlockingServer } from '@course/lesson-01-blocking-server/reference/blocking-server.ts'

const switches = ['--shared-handle', '--http']
const sharedHandle = process.argv.includes('--shared-handle')
const http = process.argv.includes('--http')
const args = parseServerArgs(
  'serve-cluster',
  { workers: { max: 64, default: 4 } },
  process.argv.slice(2).filter((arg) => !switches.includes(arg)),
)

if (cluster.isPrimary) {
  cluster.schedulingPolicy = sharedHandle ? cluster.SCHED_NONE : cluster.SCHED_RR
  const workers = Array.from({ length: args.workers ?? 4 }, () => cluster.fork())
  let listening = 0
  cluster.on('listening', (_worker, address) => {
    if (++listening !== workers.length) return
    if (process.send) process.send({ type: 'ready', port: address.port, pid: process.pid })
    else console.log(`cluster listening on http://127.0.0.1:${address.port}`)
  })
  process.once('SIGTERM', () => {
    for (const worker of workers) worker.kill()
    process.exit(0)
  })
} else {
  // Port 0 in every worker: cluster gives them all the same port.
  const server = http ? createServer(blockingNodeHttpHandler) : createBlockingServer()
  server.listen(args.port, '127.0.0.1')
}
