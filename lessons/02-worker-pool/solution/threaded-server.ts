// Exercise 5: W threads behind one main thread. The main thread never runs the
// app: it accepts connections, reads requests, hands each one to the pool and
// writes back what the thread returns. A slow /io request now holds one
// thread, not the whole server.
import { createServer } from 'node:net'
import { type AppRequest, errorResponse } from '@course/common/app'
import { now } from '@course/common/clock'
import { encodeResponse } from '@course/common/http'
import { readRequest } from '@course/lesson-01-blocking-server/reference/blocking-server.ts'
import { QueueFullError, TaskAbortedError, TaskTimeoutError } from '#errors'
import { appTaskFile } from '#threads'
import type { ThreadedServer, ThreadedServerOptions, ThreadReply } from '#types'
import { ThreadPool } from './thread-pool.ts'

export function createThreadedServer(options: ThreadedServerOptions): ThreadedServer {
  const pool =
    options.pool ??
    new ThreadPool<AppRequest, ThreadReply>({
      filename: appTaskFile,
      threads: options.threads,
      maxQueue: options.maxQueue,
      ...(options.taskTimeoutMs === undefined ? {} : { taskTimeoutMs: options.taskTimeoutMs }),
    })

  const server = createServer(async (socket) => {
    const accepted = now()
    socket.on('error', () => socket.destroy())
    const request = await readRequest(socket, { headerTimeoutMs: options.headerTimeoutMs })
    if (!request) return
    // A client that hangs up no longer needs its task: free the thread for someone who waits.
    const cancel = new AbortController()
    const onClose = () => cancel.abort()
    socket.once('close', onClose)
    try {
      const reply = await pool.run(request, { signal: cancel.signal })
      const times = {
        accepted,
        started: reply.started,
        ended: reply.ended,
        servedBy: reply.servedBy,
      }
      socket.end(encodeResponse(reply.response, { times }))
    } catch (error) {
      if (error instanceof TaskAbortedError) return
      socket.end(encodeResponse(failure(error)))
    } finally {
      socket.removeListener('close', onClose)
    }
  })

  return { server, pool }
}

function failure(error: unknown) {
  if (error instanceof QueueFullError) {
    return errorResponse(503, 'Every thread is busy and the queue is full', { 'retry-after': '1' })
  }
  if (error instanceof TaskTimeoutError) return errorResponse(504, error.message)
  return errorResponse(500, error instanceof Error ? error.message : String(error))
}
