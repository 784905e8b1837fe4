// The reference threaded server of this lesson, on Piscina instead of our pool.
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { createThreadedServer } from '../../solution/threaded-server.ts'
import { PiscinaPool } from './piscina-pool.ts'

const args = parseServerArgs('serve-piscina', { threads: { max: 64, default: 4 } })
const threads = args.threads ?? 4
const pool = new PiscinaPool(threads, 1_024)

await serveLesson(
  `Threaded server on Piscina (${threads} threads)`,
  args.port,
  async () => {
    await pool.ready()
    return createThreadedServer({ threads, maxQueue: 1_024, pool }).server
  },
  { afterDrain: () => pool.close() },
)
