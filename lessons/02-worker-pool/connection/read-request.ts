// Reads one request off a connection, with lesson 01's parser and header
// deadline (its reference solution). Given to you: in this lesson the main
// thread reads many connections at once, and what matters is what happens
// once a request is in.
import type { Socket } from 'node:net'
import { type AppRequest, errorResponse, LIMITS } from '@course/common/app'
import { encodeResponse } from '@course/common/http'
import { armHeaderDeadline } from '@course/lesson-01-blocking-server/reference/header-deadline.ts'
import { parseRequest } from '@course/lesson-01-blocking-server/reference/parse-request.ts'

/**
 * Resolves with the request once it has arrived whole. Resolves with nothing
 * when there is nothing to serve: bad input (already answered with its
 * status), a deadline that passed (408, answered by the deadline), or a
 * client that went away.
 */
export function readRequest(
  socket: Socket,
  headerTimeoutMs = 10_000,
): Promise<AppRequest | undefined> {
  return new Promise((resolve) => {
    const deadline = armHeaderDeadline(socket, headerTimeoutMs)
    let received = Buffer.alloc(0)
    const stop = (request?: AppRequest) => {
      deadline.clear()
      socket.removeListener('data', onData)
      socket.removeListener('close', onClose)
      resolve(request)
    }
    const onClose = () => stop()
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const result = parseRequest(received, LIMITS)
      if (result.kind === 'incomplete') return
      if (result.kind === 'error')
        socket.end(encodeResponse(errorResponse(result.status, result.message)))
      stop(result.kind === 'request' ? result.request : undefined)
    }
    socket.on('data', onData)
    socket.once('close', onClose)
    socket.once('finish', onClose)
  })
}
