// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
import type { Server } from 'node:net'
import type { AppRequest, AppResponse } from '@course/common/app'

/** Exercise 1 (supervisor.ts). */
export interface SupervisorOptions {
  /** W: how many worker processes to keep alive. */
  workers: number
  /** A worker silent (no heartbeat) for longer is killed and replaced: gunicorn's `timeout`. */
  timeoutMs?: number
  /** On SIGTERM, how long in-flight requests get before their workers are killed. */
  gracefulTimeoutMs?: number
  /** Recycle a worker after this many requests (0: never)... */
  maxRequests?: number
  /** ...plus a random 0 to maxRequestsJitter more, so they do not all restart at once. */
  maxRequestsJitter?: number
}

export interface SupervisorStats {
  /** Pids of the workers serving now (not counting ones on their way out). */
  workers: number[]
  /** Workers started to replace one that died, was killed or was recycled. */
  restarts: number
}

export interface Supervisor {
  start(port?: number): Promise<Server>
  stats(): SupervisorStats
  grow(): void
  shrink(): void
  stop(options: { graceful: boolean }): Promise<void>
  handleSignals(): void
}

export type SupervisorClass = new (options: SupervisorOptions) => Supervisor

/** Exercise 2 (thread-pool.ts). */
export interface ThreadPoolOptions {
  /** Absolute path of the module each thread runs: its default export handles one task. */
  filename: string
  /** How many threads (W). */
  threads: number
  /** Tasks allowed to wait for a free thread; one more is refused with QueueFullError. */
  maxQueue: number
  /** A task running longer is stopped: its thread is terminated and replaced (TaskTimeoutError). */
  taskTimeoutMs?: number
}

export interface RunOptions {
  /** Aborting it removes a waiting task, or terminates and replaces the thread running it. */
  signal?: AbortSignal
}

export interface PoolStats {
  threads: number
  /** Threads running a task right now. */
  busy: number
  /** Tasks waiting for a thread. */
  queued: number
  completed: number
  /** Share of the pool's thread-time spent running tasks since it started, 0 to 1. */
  utilization: number
}

export interface ThreadPool<Task, Result> {
  /** Resolves once every thread has started and loaded its task module. */
  ready(): Promise<void>
  run(task: Task, options?: RunOptions): Promise<Result>
  stats(): PoolStats
  /** Lets running and queued tasks finish, refuses new ones, then stops every thread. */
  close(): Promise<void>
}

export type ThreadPoolClass = new <Task, Result>(
  options: ThreadPoolOptions,
) => ThreadPool<Task, Result>

/** What a thread of the threaded server sends back for one request. */
export interface ThreadReply {
  response: AppResponse
  started: number
  ended: number
  servedBy: string
}

/** Exercise 3 (threaded-server.ts). */
export interface ThreadedServerOptions {
  /** Bring your own pool (the benchmark passes Piscina); otherwise one of ./thread-pool.ts. */
  pool?: ThreadPool<AppRequest, ThreadReply>
  threads: number
  maxQueue: number
  /** A request whose handler runs longer gets 504, and its thread is replaced. */
  taskTimeoutMs?: number
  headerTimeoutMs?: number
}

export interface ThreadedServer {
  server: Server
  /** The pool behind the server, for its stats and a clean shutdown. */
  pool: ThreadPool<AppRequest, ThreadReply>
}

export type CreateThreadedServer = (options: ThreadedServerOptions) => ThreadedServer
