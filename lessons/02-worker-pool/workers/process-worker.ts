// One worker process of the supervisor (exercise 1): lesson 01's blocking
// server (its reference), fed with connections the supervisor accepted.
// Given to you: the exercise is the supervisor, the part that keeps these alive.
//
// It talks to the supervisor over the IPC channel:
//   worker -> supervisor: { type: 'ready' } once, { type: 'heartbeat' } every
//     heartbeat-ms while its thread is free, { type: 'accepted', id } for each
//     connection it received, { type: 'done' } when it has answered one (it
//     is free for the next), { type: 'retiring' } when it has served
//     max-requests and is about to leave;
//   supervisor -> worker: { type: 'connection', id } with a socket,
//     { type: 'stop' } to finish the connections it has and exit.
import type { Socket } from 'node:net'
import { parseServerArgs } from '@course/common/serve'
import { createBlockingServer } from '@course/lesson-01-blocking-server/reference/blocking-server.ts'

const args = parseServerArgs('process-worker', {
  'heartbeat-ms': { max: 60_000, default: 1_000 },
  // bin/serve.ts allows up to 1e9 requests plus up to 1e9 of jitter.
  'max-requests': { max: 2_000_000_000, default: 0 },
})
const send = (message: { type: string; id?: number }) => process.send?.(message)

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

process.on('message', (message: { type: string; id?: number }, socket?: Socket) => {
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
