// Exercise 2: a server that serves one connection at a time, like gunicorn's
// sync worker: take a connection, read one request, run the app (blocking),
// answer, close, and only then look at the next connection.
import { createServer, type Server, type Socket } from 'node:net'
import { errorResponse, LIMITS, runBlocking } from '@course/common/app'
import { now } from '@course/common/clock'
import { encodeResponse } from '@course/common/http'
import type { ServerTimes } from '@course/common/timeline'
import type { BlockingServerOptions } from '#types'
import { armHeaderDeadline } from './header-deadline.ts'
import { parseRequest } from './parse-request.ts'

interface Waiting {
  socket: Socket
  accepted: number
}

/** How long a closed-by-us connection may linger so the client can read our answer. */
const LINGER_MS = 1_000

export function createBlockingServer(options: BlockingServerOptions = {}): Server {
  const { headerTimeoutMs = 10_000, limits = LIMITS } = options
  const queue: Waiting[] = []
  let busy = false

  // Accepted sockets stay paused, so the kernel buffers their bytes while they wait their turn.
  const server = createServer({ pauseOnConnect: true }, (socket) => {
    socket.on('error', () => socket.destroy())
    queue.push({ socket, accepted: now() })
    void serveNext()
  })

  async function serveNext(): Promise<void> {
    if (busy) return
    busy = true
    for (let next = queue.shift(); next; next = queue.shift()) {
      await serveConnection(next).catch((error: unknown) => {
        console.error('blocking server: dropped a connection after an error:', error)
        next?.socket.destroy()
      })
    }
    busy = false
  }

  /** Resolves once this connection needs nothing more from us. */
  function serveConnection({ socket, accepted }: Waiting): Promise<void> {
    return new Promise((resolve) => {
      if (socket.destroyed) return resolve()
      const deadline = armHeaderDeadline(socket, headerTimeoutMs)
      let received = Buffer.alloc(0)

      const finish = () => {
        deadline.clear()
        socket.removeListener('data', onData)
        socket.setTimeout(LINGER_MS, () => socket.destroy())
        resolve()
      }
      socket.once('finish', finish)
      socket.once('close', finish)

      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        const result = parseRequest(received, limits)
        if (result.kind === 'incomplete') return
        deadline.clear()
        socket.pause()
        if (result.kind === 'error') {
          socket.end(encodeResponse(errorResponse(result.status, result.message)))
          return
        }
        const started = now()
        const response = runBlocking(result.request)
        const times: ServerTimes = { accepted, started, ended: now() }
        socket.end(encodeResponse(response, { times }))
      }
      socket.on('data', onData)
      socket.once('end', () => {
        // The client stopped sending before a whole request arrived.
        if (received.length > 0 && !socket.writableEnded) {
          socket.end(encodeResponse(errorResponse(400, 'The request ended before it was complete')))
        } else {
          socket.end()
        }
      })
      socket.resume()
    })
  }

  return server
}
