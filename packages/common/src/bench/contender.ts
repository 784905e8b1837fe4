// A contender is one of the things a benchmark compares: the lesson's server,
// or the production system it imitates (its anchor). It is started once per
// size (W workers, N requests, C clients), measured in turns with the others,
// then stopped.
import { type ServerProcess, startServer } from '../harness/server-process.ts'

export interface Started<Handle> {
  /** What the benchmark's measure function is given: a server's base URL, a pool... */
  handle: Handle
  stop(): Promise<void>
}

export interface Contender<Handle> {
  name: string
  /** The name of the contender this one is compared with, measured in the same run. */
  anchor?: string
  start(size: number): Promise<Started<Handle>>
}

export interface ServerContenderOptions {
  name: string
  anchor?: string
  /** Absolute path of the server's entry file. */
  entry: string
  /** The server's command-line options for a size, e.g. `--workers 4`. */
  args?(size: number): string[]
  env?: Record<string, string>
}

/** A server in a process of its own, as the tests start it: the client never shares its thread. */
export function serverContender(options: ServerContenderOptions): Contender<ServerProcess> {
  return {
    name: options.name,
    ...(options.anchor ? { anchor: options.anchor } : {}),
    async start(size) {
      const server = await startServer({
        entry: options.entry,
        args: options.args?.(size) ?? [],
        ...(options.env ? { env: options.env } : {}),
      })
      return { handle: server, stop: () => server.stop() }
    },
  }
}
