// Exercise 2: a server that serves one connection at a time, like gunicorn's
// sync worker: take a connection, read one request, run the app (blocking),
// answer, close, and only then look at the next connection.
import { createServer, type Server, type Socket } from 'node:net'
import { type AppRequest, errorResponse, LIMITS, runBlocking } from '@course/common/app'
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
  async function serveConnection({ socket, accepted }: Waiting): Promise<void> {
    if (socket.destroyed) return
    const request = await readRequest(socket, { headerTimeoutMs, limits })
    if (request) {
      const started = now()
      const response = runBlocking(request)
      const times: ServerTimes = { accepted, started, ended: now() }
      socket.end(encodeResponse(response, { times }))
    }
    await answered(socket)
    socket.setTimeout(LINGER_MS, () => socket.destroy())
  }

  return server
}

/**
 * Reads one request off a connection with the parser and the header deadline.
 * Resolves with the request once it has arrived whole (the socket is then
 * paused), or with nothing when there is nothing to serve: bad input and a
 * request cut off half way are answered here with their status, a head that
 * came too late got 408 from the deadline, or the client went away. Lesson 02
 * reads its requests with this too.
 */
export function readRequest(
  socket: Socket,
  { headerTimeoutMs = 10_000, limits = LIMITS }: BlockingServerOptions = {},
): Promise<AppRequest | undefined> {
  return new Promise((resolve) => {
    const deadline = armHeaderDeadline(socket, headerTimeoutMs)
    let received = Buffer.alloc(0)

    const stop = (request?: AppRequest) => {
      deadline.clear()
      socket.pause()
      socket.off('data', onData).off('end', onEnd).off('finish', onGone).off('close', onGone)
      resolve(request)
    }
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const result = parseRequest(received, limits)
      if (result.kind === 'incomplete') return
      if (result.kind === 'error') {
        socket.end(encodeResponse(errorResponse(result.status, result.message)))
      }
      stop(result.kind === 'request' ? result.request : undefined)
    }
    const onEnd = () => {
      // The client stopped sending before a whole request arrived.
      if (received.length > 0) {
        socket.end(encodeResponse(errorResponse(400, 'The request ended before it was complete')))
      } else {
        socket.end()
      }
      stop()
    }
    // The deadline answered 408 and ended the connection, or the client went away.
    const onGone = () => stop()
    socket.on('data', onData)
    socket.once('end', onEnd).once('finish', onGone).once('close', onGone)
    socket.resume()
  })
}

/** Resolves once our answer has been handed to the kernel, or the connection is gone. */
function answered(socket: Socket): Promise<void> {
  if (socket.writableFinished || socket.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    socket.once('finish', resolve).once('close', resolve)
  })
}
