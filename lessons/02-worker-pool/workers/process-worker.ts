// One worker process of the supervisor (exercises 1 to 3): lesson 01's
// blocking server (its reference), fed with connections the supervisor
// accepted. Given to you: the exercises are the supervisor, the part that
// keeps these alive. The messages it exchanges with the supervisor are in
// ./protocol.ts.
import type { Socket } from 'node:net'
import { parseServerArgs } from '@course/common/serve'
import { createBlockingServer } from '@course/lesson-01-blocking-server/reference/blocking-server.ts'
import {
  MAX_REQUESTS,
  MAX_TIMEOUT_MS,
  onSupervisorMessage,
  sendToSupervisor as send,
} from './protocol.ts'

const args = parseServerArgs('process-worker', {
  // The supervisor beats four times per timeout; the longest timeout gives the longest beat.
  'heartbeat-ms': { max: MAX_TIMEOUT_MS, default: 1_000 },
  // The supervisor passes --max-requests plus up to --max-requests-jitter more.
  'max-requests': { max: 2 * MAX_REQUESTS, default: 0 },
})

const server = createBlockingServer()
let open = 0
let served = 0
let stopping = false

function stopWhenIdle() {
  stopping = true
  if (open === 0) process.exit(0)
}

server.on('connection', (socket: Socket) => {
  open++
  served++
  // Free for the next connection once the answer is sent, though the client may linger a while.
  const done = () => {
    socket.off('finish', done).off('close', done)
    send({ type: 'done' })
  }
  socket.once('finish', done).once('close', done)
  socket.once('close', () => {
    open--
    if (stopping) stopWhenIdle()
  })
  if (args['max-requests'] && served >= args['max-requests'] && !stopping) {
    send({ type: 'retiring' })
    stopWhenIdle()
  }
})

onSupervisorMessage((message, socket) => {
  if (message.type === 'connection' && socket) {
    server.emit('connection', socket)
    send({ type: 'accepted', id: message.id })
  }
  if (message.type === 'stop') stopWhenIdle()
})
// The supervisor is gone (it was killed): there is no one left to serve for.
process.on('disconnect', () => process.exit(0))

// While a request blocks this thread the timer cannot fire: silence is how a stuck worker shows.
setInterval(() => send({ type: 'heartbeat' }), args['heartbeat-ms'])
send({ type: 'ready' })
