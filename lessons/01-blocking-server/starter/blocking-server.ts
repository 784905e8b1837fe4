// Exercise 2: serve connections one at a time, as gunicorn's sync worker does.
//
// Build createBlockingServer() on node:net so that it:
//   1. accepts connections, but serves only one at a time: the others wait in
//      a queue, paused (createServer({ pauseOnConnect: true }) keeps their bytes
//      in the kernel until you call socket.resume());
//   2. for the connection being served: notes when it was accepted (now()),
//      collects its bytes and calls parseRequest(allBytesSoFar) on each chunk;
//   3. on a whole request: runs the app with runBlocking(request) (it blocks
//      the thread for /io waits: that is the point), then writes
//      encodeResponse(response, { times: { accepted, started, ended } }) and
//      ends the socket: one request per connection, then close;
//   4. on a parse error: answers encodeResponse(errorResponse(status, message))
//      and ends the socket; the server keeps serving;
//   5. when the socket finishes or closes (the client may hang up), moves on
//      to the next waiting connection.
// Leave the header deadline (exercise 4) for later: call
// armHeaderDeadline(socket, options.headerTimeoutMs ?? 10_000) from
// ./header-deadline.ts when you start serving a connection, and
// deadline.clear() once the request is in.
//
// Useful: createServer from node:net; encodeResponse from @course/common/http;
// errorResponse, LIMITS, runBlocking from @course/common/app; now from
// @course/common/clock.
//
// Run: pnpm course test serve-one-at-a-time     Stuck: pnpm course hint serve-one-at-a-time
import type { Server } from 'node:net'
import { todo } from '@course/common/todo'
import type { BlockingServerOptions } from '#types'

export function createBlockingServer(options: BlockingServerOptions = {}): Server {
  return todo(
    'lessons/01-blocking-server/src/blocking-server.ts',
    `serve connections one at a time (options: ${JSON.stringify(options)})`,
    'blocking-server',
  )
}
