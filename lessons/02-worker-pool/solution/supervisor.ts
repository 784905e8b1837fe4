// Exercise 1: fork, ready and restart. A pre-fork supervisor, like gunicorn's
// arbiter: it owns the listening socket and knows nothing about HTTP. It keeps
// W worker processes alive and hands each new connection to one of them;
// which one is exercise 2 (./pick-worker.ts), and what reacts to time and to
// signals is exercise 3 (./arbiter.ts, built on this class).
import { type ChildProcess, fork } from 'node:child_process'
import { createServer, type Server, type Socket } from 'node:net'
import { tsxExecArgv } from '@course/common/serve'
import { BootFailedError } from '#errors'
import type { SupervisorOptions, WorkerState } from '#types'
import { onWorkerMessage, processWorkerFile, sendToWorker, type WorkerMessage } from '#workers'
import { pickWorker } from './pick-worker.ts'

/** Workers that die before they are ready this many times in a row stop the supervisor. */
const BOOT_ATTEMPTS = 3

/** One worker process, as the supervisor sees it. */
export interface WorkerProcess extends WorkerState {
  child: ChildProcess
  /** Settles once the process has exited and its output is read. */
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
  #connections = 0
  #bootFailures = 0
  #starting?: { resolve(): void; reject(error: Error): void }

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

  /** Listens, forks W workers, and resolves with the listening server once all are ready. */
  async start(port = 0): Promise<Server> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve))
    await new Promise<void>((resolve, reject) => {
      this.#starting = { resolve, reject }
      for (let i = 0; i < this.target; i++) this.spawn()
    })
    this.#starting = undefined
    return this.server
  }

  /** Stops at once: no new connections, and every worker killed, whatever it was serving. */
  async stop(): Promise<void> {
    this.stopping = true
    this.server.close()
    const exits = [...this.workers].map((worker) => worker.exited)
    for (const worker of this.workers) worker.child.kill('SIGKILL')
    await Promise.all(exits)
    for (const socket of this.waiting.splice(0)) socket.destroy()
  }

  /** Forks one worker; it takes connections once it says 'ready'. */
  protected spawn(): void {
    const child = fork(this.options.workerFile, this.workerArgs(), {
      execArgv: tsxExecArgv,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    const worker: WorkerProcess = {
      child,
      exited: new Promise((resolve) => child.once('close', () => resolve())),
      handedOver: new Map(),
      busy: 0,
      lastConnection: 0,
      ready: false,
      retiring: false,
      lastHeard: Date.now(),
      output: '',
    }
    this.workers.add(worker)
    // Its errors still reach our stderr; the end of them is kept in case it never gets ready.
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk)
      worker.output = (worker.output + chunk.toString()).slice(-2_000)
    })
    onWorkerMessage(child, (message) => this.onMessage(worker, message))
    // A worker that lost its channel can take no more connections: it is on its way out.
    child.once('disconnect', () => {
      worker.retiring = true
    })
    void worker.exited.then(() => this.#onExit(worker))
  }

  /** The command line of a new worker; exercise 3 gives it a heartbeat and a request limit. */
  protected workerArgs(): string[] {
    return []
  }

  /** Every message a worker sends; exercise 3 adds what 'heartbeat' and 'retiring' mean. */
  protected onMessage(worker: WorkerProcess, message: WorkerMessage): void {
    worker.lastHeard = Date.now()
    if (message.type === 'ready') {
      worker.ready = true
      this.#bootFailures = 0
      if (this.#readyWorkers() >= this.target) this.#starting?.resolve()
      this.#handOutWaiting()
    }
    if (message.type === 'accepted') {
      // The worker has its own copy of the connection now: close ours.
      worker.handedOver.get(message.id)?.destroy()
      worker.handedOver.delete(message.id)
    }
    if (message.type === 'done') {
      worker.busy--
      this.#handOutWaiting()
    }
  }

  /** A connection for the pool: it waits until a worker can take it. */
  protected dispatch(socket: Socket): void {
    this.waiting.push(socket)
    this.#handOutWaiting()
  }

  protected handOver(worker: WorkerProcess, socket: Socket): void {
    // Like cluster's round-robin, keep our copy until the worker confirms it has the
    // connection: a worker killed in between must not take a client down with it.
    const id = ++this.#connections
    worker.busy++
    worker.lastConnection = id
    worker.handedOver.set(id, socket)
    sendToWorker(worker.child, { type: 'connection', id }, socket, (error) => {
      if (!error || !worker.handedOver.delete(id)) return
      worker.busy--
      this.dispatch(socket)
    })
  }

  /** Workers that are not on their way out. */
  protected live(): number {
    return [...this.workers].filter((worker) => !worker.retiring).length
  }

  /** Gives waiting connections, oldest first, to the workers pickWorker chooses. */
  #handOutWaiting(): void {
    for (let worker = pickWorker(this.workers); worker; worker = pickWorker(this.workers)) {
      const socket = this.waiting.shift()
      if (!socket) return
      if (!socket.destroyed) this.handOver(worker, socket)
    }
  }

  #onExit(worker: WorkerProcess): void {
    this.workers.delete(worker)
    // Connections it never confirmed are still ours (we kept a copy): another worker serves them.
    const unconfirmed = [...worker.handedOver.values()]
    worker.handedOver.clear()
    for (const socket of unconfirmed) this.dispatch(socket)
    if (this.stopping) return
    if (!worker.ready && ++this.#bootFailures >= BOOT_ATTEMPTS) this.#halt(worker)
    else if (this.live() < this.target) this.spawn()
  }

  /** Workers die at boot, again and again: restarting them would loop for ever, so stop. */
  #halt(worker: WorkerProcess): void {
    const said = worker.output.trim().split('\n').filter(Boolean).join(' | ').slice(-400)
    const { exitCode, signalCode } = worker.child
    const error = new BootFailedError(
      `${BOOT_ATTEMPTS} workers in a row exited (${signalCode ?? `code ${exitCode}`}) before they were ready; the last one said: ${said || '(nothing)'}`,
    )
    void this.stop()
    if (this.#starting) {
      this.#starting.reject(error)
    } else {
      console.error(`supervisor: ${error.message}`)
      process.exitCode = 1
    }
  }

  #readyWorkers(): number {
    return [...this.workers].filter((worker) => worker.ready).length
  }
}
