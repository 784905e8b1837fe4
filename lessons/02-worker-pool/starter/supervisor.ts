// Exercise 1: fork, ready and restart.
//
// gunicorn's master process owns the listening socket and knows nothing about
// HTTP: it keeps W worker processes alive and hands each connection to one of
// them. A worker that crashes takes down its own request and nothing else,
// because the master starts another in its place. That is this class. Each
// worker runs workers/process-worker.ts (lesson 01's blocking server); the
// messages it sends and understands are typed in workers/protocol.ts.
//
// What the tests check (test/supervisor.test.ts):
//   1. start(port): listen on 127.0.0.1, fork W workers with
//      fork(this.options.workerFile, this.workerArgs(), { execArgv: tsxExecArgv,
//      stdio: ['ignore', 'inherit', 'pipe', 'ipc'] }), and resolve with the
//      server once W of them have said { type: 'ready' } (onWorkerMessage);
//   2. every connection is served: dispatch(socket) keeps it in `waiting`, and
//      while pickWorker(this.workers) (exercise 2) names a worker, hand the
//      oldest one over: sendToWorker(child, { type: 'connection', id }, socket).
//      Keep your copy until the worker says { type: 'accepted', id } (then
//      socket.destroy() yours), and give it to another worker if this one dies
//      first. Count `busy` up on hand-over and down on { type: 'done' };
//   3. a worker that exits is replaced, so the pool is back to W;
//   4. workers that die before they are ready 3 times in a row stop the
//      supervisor instead: start() rejects with a BootFailedError whose
//      message ends with what the last one wrote to stderr (keep it in
//      worker.output);
//   5. stop(): close the server and kill (SIGKILL) every worker.
// The protected members are what exercise 3 (./arbiter.ts) builds on: keep
// their names.
//
// What you need, and where it comes from:
//   import { fork } from 'node:child_process'
//   import { tsxExecArgv } from '@course/common/serve'
//   import { BootFailedError } from '#errors'
//   import { onWorkerMessage, sendToWorker } from '#workers'
//   import { pickWorker } from './pick-worker.ts'
//
// Run: pnpm course test supervisor     Stuck: pnpm course hint supervisor
import type { ChildProcess } from 'node:child_process'
import { createServer, type Server, type Socket } from 'node:net'
import { todo } from '@course/common/todo'
import type { SupervisorOptions, WorkerState } from '#types'
import { processWorkerFile, type WorkerMessage } from '#workers'

const file = 'lessons/02-worker-pool/src/supervisor.ts'

/** One worker process, as the supervisor sees it. */
export interface WorkerProcess extends WorkerState {
  child: ChildProcess
  /** Settles once the process has exited and its output is read ('close'). */
  exited: Promise<void>
  /** Connections sent and not yet confirmed: ours to give to another worker if this one dies. */
  handedOver: Map<number, Socket>
  /** When it last said anything (Date.now()): a worker silent too long is stuck (exercise 3). */
  lastHeard: number
  /** The end of what it wrote to stderr: why it died, if it dies before it is ready. */
  output: string
}

export class Supervisor {
  protected readonly options: Required<SupervisorOptions>
  protected readonly workers = new Set<WorkerProcess>()
  /** Connections no worker could take yet: they wait here, not behind one busy worker. */
  protected readonly waiting: Socket[] = []
  protected readonly server: Server
  /** How many workers the pool keeps (exercise 3 grows and shrinks it). */
  protected target: number
  protected stopping = false

  constructor(options: SupervisorOptions) {
    this.options = {
      timeoutMs: 30_000,
      gracefulTimeoutMs: 30_000,
      maxRequests: 0,
      maxRequestsJitter: 0,
      workerFile: processWorkerFile,
      ...options,
    }
    this.target = options.workers
    // Paused: the bytes stay in the kernel until a worker reads them.
    this.server = createServer({ pauseOnConnect: true }, (socket) => {
      socket.on('error', () => socket.destroy())
      this.dispatch(socket)
    })
  }

  async start(port = 0): Promise<Server> {
    return todo(
      file,
      `listen on port ${port}, fork ${this.target} workers and wait until each is ready`,
      'supervisor',
    )
  }

  async stop(): Promise<void> {
    todo(file, 'close the server and kill every worker', 'supervisor')
  }

  /** Forks one worker; it takes connections once it says 'ready'. */
  protected spawn(): void {
    todo(file, 'fork a worker and listen to its messages and its exit', 'supervisor')
  }

  /** The command line of a new worker; exercise 3 gives it a heartbeat and a request limit. */
  protected workerArgs(): string[] {
    return []
  }

  /** Every message a worker sends; exercise 3 adds what 'heartbeat' and 'retiring' mean. */
  protected onMessage(worker: WorkerProcess, message: WorkerMessage): void {
    todo(file, `handle { type: '${message.type}' } from worker ${worker.child.pid}`, 'supervisor')
  }

  /** A connection for the pool: it waits until a worker can take it. */
  protected dispatch(socket: Socket): void {
    this.waiting.push(socket)
    todo(file, 'hand waiting connections to the workers pickWorker() names', 'supervisor')
  }

  protected handOver(worker: WorkerProcess, socket: Socket): void {
    todo(file, `send a connection (port ${socket.remotePort}) to ${worker.child.pid}`, 'supervisor')
  }

  /** Workers that are not on their way out. */
  protected live(): number {
    return [...this.workers].filter((worker) => !worker.retiring).length
  }
}
