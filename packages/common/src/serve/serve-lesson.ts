import type { Server } from 'node:net'
import { TodoError } from '../todo.ts'
import { announceReady } from './ready.ts'

/**
 * Runs a lesson's server: builds it, listens on 127.0.0.1, says it is ready,
 * and stops on SIGTERM or SIGINT. An unfinished exercise (a TodoError) is
 * printed as its message alone: the learner needs the next step, not a stack
 * trace into the course's own code.
 */
export async function serveLesson(
  name: string,
  port: number,
  create: () => Server | Promise<Server>,
): Promise<Server> {
  let server: Server
  try {
    server = await create()
  } catch (error) {
    if (!(error instanceof TodoError)) throw error
    console.error(error.message)
    process.exit(1)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  announceReady(server, name)
  // A server blocked in a handler sees the signal only once the handler returns.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close()
      process.exit(0)
    })
  }
  return server
}
