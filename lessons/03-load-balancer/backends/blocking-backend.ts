// A backend: lesson 01's reference blocking server, one request at a time
// and a new connection for each, like a gunicorn sync worker.
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { createBlockingServer } from '@course/lesson-01-blocking-server/reference/blocking-server.ts'

const args = parseServerArgs('blocking-backend', { 'exit-with-parent': { max: 1, default: 0 } })
await serveLesson(`Blocking backend (lesson 01) ${process.pid}`, args.port, () =>
  createBlockingServer(),
)
// Started by `pnpm course serve 03`: when the balancer goes, so does its backend.
if (args['exit-with-parent']) process.on('disconnect', () => process.exit(0))
