// Node's sockets as event sources. Node (libuv underneath) watches the file
// descriptors with epoll and calls us back; each callback only pushes into a
// source, and the scheduler wakes whichever task waits there. This is the
// part of an event loop we do not rebuild: the waiting on the kernel.
import type { Server, Socket } from 'node:net'
import { now } from '@course/common/clock'
import { Source } from './source.ts'

export interface Connection {
  socket: Socket
  /** When it was accepted, for the x-timeline header. */
  accepted: number
}

/** The connections `server` accepts, until it closes. */
export function connectionsOf(server: Server): Source<Connection> {
  const connections = new Source<Connection>('connections', { external: true })
  server.on('connection', (socket) => connections.push({ socket, accepted: now() }))
  server.on('close', () => connections.close())
  return connections
}

/** The chunks `socket` receives, until the client ends its side or the connection goes. */
export function bytesOf(socket: Socket): Source<Buffer> {
  const bytes = new Source<Buffer>(`bytes from ${socket.remotePort ?? 'a client'}`, {
    external: true,
  })
  // A client that resets the connection must not crash the server.
  socket.on('error', () => socket.destroy())
  socket.on('data', (chunk) => bytes.push(chunk))
  socket.on('end', () => bytes.close())
  socket.on('close', () => bytes.close())
  return bytes
}
