import type { AddressInfo, Server } from 'node:net'

/** The message a server process sends its parent once it accepts connections. */
export interface ReadyMessage {
  type: 'ready'
  port: number
  pid: number
}

/**
 * Tells whoever started this process that the server is listening, and on
 * which port. Under the test harness that is an IPC message (the handshake
 * that replaces "sleep and hope"); in a terminal it is a line for a person.
 */
export function announceReady(server: Server, name: string): void {
  const { port } = server.address() as AddressInfo
  if (process.send) {
    process.send({ type: 'ready', port, pid: process.pid } satisfies ReadyMessage)
  } else {
    console.log(`${name} listening on http://127.0.0.1:${port} (pid ${process.pid}). Ctrl-C stops it.`)
  }
}

/** Reads `--port N` (default 0: any free port), rejecting anything else. */
export function portFromArgs(argv: readonly string[]): number {
  const index = argv.indexOf('--port')
  if (index === -1) return 0
  const raw = argv[index + 1] ?? ''
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new Error(`--port takes a number from 0 to 65535, got "${raw}"`)
  }
  return port
}
