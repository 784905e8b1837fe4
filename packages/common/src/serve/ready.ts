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
    console.log(
      `${name} listening on http://127.0.0.1:${port} (pid ${process.pid}). Ctrl-C stops it.`,
    )
  }
}
