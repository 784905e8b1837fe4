// A busy port, found before a server starts: every lesson's server gets the
// same one-line answer, whatever its own code does with a failed listen.
import { createServer } from 'node:net'
import { listenProblem } from '@course/common/serve'

/** The port a server's options ask for (`--port N` or `--port=N`), if any. */
export function requestedPort(serverArgs: string[]): number | undefined {
  for (const [index, arg] of serverArgs.entries()) {
    const raw = arg.startsWith('--port=')
      ? arg.slice('--port='.length)
      : arg === '--port'
        ? serverArgs[index + 1]
        : undefined
    if (raw !== undefined && /^\d+$/.test(raw) && Number(raw) > 0) return Number(raw)
  }
  return undefined
}

/** Resolves with why 127.0.0.1:`port` cannot be listened on, or nothing when it can. */
export function portProblem(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', (error) => resolve(listenProblem(error) ?? (error as Error).message))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)))
  })
}
