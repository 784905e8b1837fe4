// What a worker process and its supervisor say to each other over the IPC
// channel. Both sides import these types, so a message one side sends is one
// the other side knows how to read.
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'

/** Worker -> supervisor. */
export type WorkerMessage =
  /** Once, when it can take connections. */
  | { type: 'ready' }
  /** Every --heartbeat-ms while its thread is free: silence means it is stuck in a request. */
  | { type: 'heartbeat' }
  /** It has its own copy of connection `id`: the supervisor may close its copy. */
  | { type: 'accepted'; id: number }
  /** It has answered its connection and is free for the next one. */
  | { type: 'done' }
  /** It has served --max-requests and leaves once its connections are answered. */
  | { type: 'retiring' }

/** Supervisor -> worker. */
export type SupervisorMessage =
  /** Sent with the socket of a connection to serve. */
  | { type: 'connection'; id: number }
  /** Finish the connections you have, then exit. */
  | { type: 'stop' }

/**
 * The largest values the supervisor may pass a worker. bin/serve.ts accepts a
 * --timeout-ms of up to MAX_TIMEOUT_MS (heartbeats every quarter of it) and a
 * --max-requests plus --max-requests-jitter of up to MAX_REQUESTS each; the
 * worker accepts whatever those can become, so no accepted value stops a
 * worker at boot.
 */
export const MAX_TIMEOUT_MS = 3_600_000
export const MAX_REQUESTS = 1_000_000_000

/** Sends a message to a worker, with the socket of a connection for `connection`. */
export function sendToWorker(
  child: ChildProcess,
  message: SupervisorMessage,
  socket?: Socket,
  callback?: (error: Error | null) => void,
): void {
  if (socket) child.send(message, socket, { keepOpen: true }, callback)
  else child.send(message, callback)
}

/** Calls `listener` with every message a worker sends. */
export function onWorkerMessage(
  child: ChildProcess,
  listener: (message: WorkerMessage) => void,
): void {
  child.on('message', listener)
}

/** Calls `listener` with every message the supervisor sends, and the socket that came with it. */
export function onSupervisorMessage(
  listener: (message: SupervisorMessage, socket?: Socket) => void,
): void {
  process.on('message', listener)
}

/** Sends a message to the supervisor, if there is one. */
export function sendToSupervisor(message: WorkerMessage): void {
  process.send?.(message)
}
