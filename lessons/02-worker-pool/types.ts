// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
import type { Server } from 'node:net'
import type { AppRequest, AppResponse } from '@course/common/app'

/** Exercises 1 (supervisor.ts) and 3 (arbiter.ts). */
export interface SupervisorOptions {
  /** W: how many worker processes to keep alive. */
  workers: number
  /** A worker silent (no heartbeat) for longer is killed and replaced: gunicorn's `timeout` (0: never). */
  timeoutMs?: number
  /** On SIGTERM, how long in-flight requests get before their workers are killed. */
  gracefulTimeoutMs?: number
  /** Recycle a worker after this many requests (0: never)... */
  maxRequests?: number
  /** ...plus a random 0 to maxRequestsJitter more, so they do not all restart at once. */
  maxRequestsJitter?: number
  /** What each worker runs: workers/process-worker.ts, unless a test brings one that fails. */
  workerFile?: string
}

/** Exercise 1: the process pool, as bin/serve.ts and the tests drive it. */
export interface Supervisor {
  /** Listens, forks W workers, and resolves once every one is ready. */
  start(port?: number): Promise<Server>
  /** Stops at once: closes the socket and kills every worker. */
  stop(): Promise<void>
}

export type SupervisorClass = new (options: SupervisorOptions) => Supervisor

/** Exercise 2 (pick-worker.ts): what the choice of a worker sees of each one. */
export interface WorkerState {
  /** It said 'ready' and its channel is open: it can take connections. */
  ready: boolean
  /** On its way out (recycled, or the pool shrank): it takes no new connections. */
  retiring: boolean
  /** Connections handed over and not yet answered ('done'): a worker with one is busy. */
  busy: number
  /** Number of the last connection it was given (0: none yet): the lower, the longer it is free. */
  lastConnection: number
}

/** The worker to hand the next connection to, or none: then the connection waits. */
export type PickWorker = <Worker extends WorkerState>(
  workers: Iterable<Worker>,
) => Worker | undefined

/** Exercise 3 (arbiter.ts): the supervisor that also reacts to signals and to time. */
export interface Arbiter extends Omit<Supervisor, 'stop'> {
  /** Graceful: serve every connection already accepted first. Otherwise at once. */
  stop(options?: { graceful: boolean }): Promise<void>
  /** SIGTTIN: one more worker. */
  grow(): void
  /** SIGTTOU: one fewer worker (never fewer than one). */
  shrink(): void
  /** SIGTERM, SIGINT, SIGQUIT, SIGTTIN and SIGTTOU, as gunicorn's arbiter. */
  handleSignals(): void
}

export type ArbiterClass = new (options: SupervisorOptions) => Arbiter

/** Exercise 4 (thread-pool.ts). */
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

/** Exercise 5 (threaded-server.ts). */
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
