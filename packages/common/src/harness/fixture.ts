import { afterAll, beforeAll } from 'vitest'
import { type ServerProcess, type StartOptions, startServer } from './server-process.ts'

/**
 * One server for a whole test file: started before the first test, stopped
 * after the last. Returns a getter, since the server exists only once
 * beforeAll has run.
 */
export function useServer(options: StartOptions | (() => StartOptions)): () => ServerProcess {
  let server: ServerProcess | undefined
  beforeAll(async () => {
    server = await startServer(typeof options === 'function' ? options() : options)
  })
  afterAll(async () => {
    await server?.stop()
  })
  return () => {
    if (!server) throw new Error('The server has not started: call the getter inside a test.')
    return server
  }
}
