// Exercise 4: the cure for the slow client. A client gets a fixed budget to
// send its request line and headers. It is a deadline, not an idle timeout:
// an idle timeout restarts on every byte, so a client that sends one byte a
// second would hold the server for ever without ever being idle.
import type { Socket } from 'node:net'
import { errorResponse } from '@course/common/app'
import { encodeResponse } from '@course/common/http'
import type { HeaderDeadline } from '#types'

/**
 * Starts the clock on a fresh connection. If `clear()` has not been called
 * within `ms`, answers 408 Request Timeout and closes the connection, which
 * frees the server for the next client.
 */
export function armHeaderDeadline(socket: Socket, ms: number): HeaderDeadline {
  const timer = setTimeout(() => {
    const response = errorResponse(408, `The request headers did not arrive within ${ms} ms`)
    socket.end(encodeResponse(response))
  }, ms)
  return { clear: () => clearTimeout(timer) }
}
