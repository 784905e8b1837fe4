// Exercise 4: the course's app served on your own loop. One task accepts
// connections; each connection gets a task of its own that reads its request,
// runs the app and answers. A task that waits for bytes or for the app's
// simulated database parks, and the loop runs the others meanwhile: N waits
// of T take about T, on one thread.
import { createServer, type Server, type Socket } from 'node:net'
import { type AppRequest, type AppResponse, app, errorResponse, LIMITS } from '@course/common/app'
import { now } from '@course/common/clock'
import { encodeResponse } from '@course/common/http'
import { cpuWork } from '@course/common/work'
import { parseRequest } from '@course/lesson-01-blocking-server/reference/parse-request.ts'
import {
  bytesOf,
  type Connection,
  connectionsOf,
  next,
  type Program,
  RealClock,
  type Source,
  sleep,
  spawn,
} from '#loop'
import { Scheduler } from './scheduler.ts'

export function createLoopServer(): Server {
  // Half-open: a client that ends its side still gets our answer (400), sent by its task later.
  const server = createServer({ allowHalfOpen: true })
  const scheduler = new Scheduler(new RealClock())
  scheduler.spawn(acceptConnections(connectionsOf(server)), 'accept')
  // The loop ends by itself once the server has closed and every connection is done.
  void scheduler.run()
  return server
}

function* acceptConnections(connections: Source<Connection>): Program<void> {
  let count = 0
  for (let accepted = yield* next(connections); accepted; accepted = yield* next(connections)) {
    yield* spawn(serveConnection(accepted), `connection ${++count}`)
  }
}

function* serveConnection({ socket, accepted }: Connection): Program<void> {
  const bytes = bytesOf(socket)
  let received = Buffer.alloc(0)
  for (let chunk = yield* next(bytes); chunk; chunk = yield* next(bytes)) {
    received = Buffer.concat([received, chunk])
    const result = parseRequest(received, LIMITS)
    if (result.kind === 'incomplete') continue
    if (result.kind === 'error') {
      answer(socket, errorResponse(result.status, result.message))
      return
    }
    const started = now()
    const response = yield* serveRequest(result.request)
    socket.end(encodeResponse(response, { times: { accepted, started, ended: now() } }))
    return
  }
  // The client ended its side before a whole request arrived.
  if (received.length > 0)
    answer(socket, errorResponse(400, 'The request ended before it was complete'))
  else socket.end()
}

/** Runs the app, doing its effects as tasks of this loop do them. */
function* serveRequest(request: AppRequest): Program<AppResponse> {
  try {
    const program = app(request)
    let step = program.next()
    while (!step.done) {
      const effect = step.value
      if (effect.type === 'wait') {
        yield* sleep(effect.ms)
        step = program.next(undefined)
      } else {
        // No yield here: CPU work holds the loop's only thread until it ends.
        step = program.next(cpuWork(effect.units))
      }
    }
    return step.value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return errorResponse(500, `The app failed: ${message}`)
  }
}

function answer(socket: Socket, response: AppResponse): void {
  if (!socket.writableEnded) socket.end(encodeResponse(response))
}
