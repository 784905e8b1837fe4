// Exercise 5: W threads behind one main thread.
//
// The main thread never runs the app. It accepts connections, reads each
// request with readRequest(socket, { headerTimeoutMs }) (lesson 01's reference,
// given: import it from
// '@course/lesson-01-blocking-server/reference/blocking-server.ts'), runs it
// on a ThreadPool of your ./thread-pool.ts whose task module is appTaskFile
// (from '#threads'), and writes back encodeResponse(reply.response, { times }) with
// times = { accepted, started: reply.started, ended: reply.ended, servedBy: reply.servedBy }.
//
// What the tests check (test/threaded-server.test.ts):
//   1. the contract suite, and W requests served at once on W distinct threads;
//   2. a full queue: 503 with a Retry-After: 1 header;
//   3. a request past taskTimeoutMs: 504, and the server keeps serving;
//   4. a client that hangs up: abort its task (an AbortController, aborted on
//      the socket's 'close'), so its thread is free for the next client;
//   5. SIGTERM: requests in flight finish with 200, new connections are refused
//      (bin/serve-threads.ts closes the server, then calls pool.close()).
//
// What you need, and where it comes from:
//   import { createServer } from 'node:net'
//   import { type AppRequest, errorResponse } from '@course/common/app'
//   import { now } from '@course/common/clock'
//   import { encodeResponse } from '@course/common/http'
//   import { QueueFullError, TaskAbortedError, TaskTimeoutError } from '#errors'
//   import { appTaskFile } from '#threads'
//   import { ThreadPool } from './thread-pool.ts'
//
// Run: pnpm course test threaded-server     Stuck: pnpm course hint threaded-server
import { todo } from '@course/common/todo'
import type { ThreadedServer, ThreadedServerOptions } from '#types'

export function createThreadedServer(options: ThreadedServerOptions): ThreadedServer {
  return todo(
    'lessons/02-worker-pool/src/threaded-server.ts',
    `serve requests on a pool of ${options.threads} threads`,
    'threaded-server',
  )
}
