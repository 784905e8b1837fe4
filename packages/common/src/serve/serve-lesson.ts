import type { Server } from 'node:net'
import { TodoError } from '../todo.ts'
import { announceReady } from './ready.ts'

export interface ServeOptions {
  /** Runs after the server has stopped accepting and its connections are done (e.g. close a pool). */
  afterDrain?: () => Promise<void>
}

/**
 * Runs `create`; if it stops at an unfinished exercise (a TodoError), prints
 * the message alone and exits: the learner needs the next step, not a stack
 * trace into the course's own code.
 */
export async function explainTodo<T>(create: () => T | Promise<T>): Promise<T> {
  try {
    return await create()
  } catch (error) {
    if (!(error instanceof TodoError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

/**
 * Runs a lesson's server: builds it, listens on 127.0.0.1, says it is ready,
 * and stops on a signal: SIGTERM gracefully (no new connections, the current
 * ones finish), SIGINT at once.
 */
export async function serveLesson(
  name: string,
  port: number,
  create: () => Server | Promise<Server>,
  options: ServeOptions = {},
): Promise<Server> {
  const server = await explainTodo(create)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  announceReady(server, name)
  // A server blocked in a handler sees a signal only once the handler returns.
  process.once('SIGTERM', () => {
    server.close(async () => {
      await options.afterDrain?.()
      process.exit(0)
    })
  })
  process.once('SIGINT', () => process.exit(0))
  return server
}
