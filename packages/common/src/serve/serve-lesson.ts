import type { Server } from 'node:net'
import { TodoError } from '../todo.ts'
import { announceReady } from './ready.ts'

export interface ServeOptions {
  /** Runs after the server has stopped accepting and its connections are done (e.g. close a pool). */
  afterDrain?: () => Promise<void>
}

/** One line for a port the server could not listen on, or nothing for any other error. */
export function listenProblem(error: unknown): string | undefined {
  const { code, port } = error as NodeJS.ErrnoException & { port?: number }
  if (code === 'EADDRINUSE') {
    return `port ${port} is already in use (is an earlier server still running?); stop it, or choose another port, e.g. -- --port ${(port ?? 8080) + 1}`
  }
  if (code === 'EACCES') {
    return `port ${port} needs privileges this user lacks; choose a port above 1023, e.g. -- --port 8080`
  }
  return undefined
}

/**
 * Runs `create`; if it stops at an unfinished exercise (a TodoError) or at a
 * port it cannot listen on, prints one line and exits with status 1: the
 * learner needs the next step, not a stack trace into the course's own code.
 */
export async function explainTodo<T>(create: () => T | Promise<T>): Promise<T> {
  try {
    return await create()
  } catch (error) {
    const problem = error instanceof TodoError ? error.message : listenProblem(error)
    if (problem === undefined) throw error
    console.error(problem)
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
  const server = await explainTodo(async () => {
    const created = await create()
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject)
      created.listen(port, '127.0.0.1', resolve)
    })
    return created
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
