// Exercise 1: a pre-fork supervisor, like gunicorn's arbiter. It owns the
// listening socket and knows nothing about HTTP: it keeps W worker processes
// alive and hands each new connection to a worker that is free, as gunicorn's
// workers take a connection only when they are free.
import { type ChildProcess, fork } from 'node:child_process'
import { createServer, type Server, type Socket } from 'node:net'
import { tsxExecArgv } from '@course/common/serve'
import type { SupervisorOptions, SupervisorStats } from '#types'
import { processWorkerFile } from '#workers'

interface Worker {
  child: ChildProcess
  /** Connections sent and not yet confirmed: ours to give to another worker if this one dies. */
  handedOver: Map<number, Socket>
  /** Connections handed over and not yet answered: a worker with one is busy and gets no other. */
  busy: number
  /** Id of the last connection it was given: the free worker with the oldest goes first. */
  lastConnection: number
  ready: boolean
  /** Leaving: no new connections; it is not replaced when it exits. */
  retiring: boolean
  lastHeartbeat: number
}

export class Supervisor {
  readonly #options: Required<SupervisorOptions>
  readonly #workers = new Set<Worker>()
  /** Connections accepted while every worker was busy: they wait here, not behind one worker. */
  readonly #pending: Socket[] = []
  readonly #server: Server
  #target: number
  #connectionIds = 0
  #restarts = 0
  #stopping = false
  #watchdog?: NodeJS.Timeout

  constructor(options: SupervisorOptions) {
    this.#options = {
      timeoutMs: 30_000,
      gracefulTimeoutMs: 30_000,
      maxRequests: 0,
      maxRequestsJitter: 0,
      ...options,
    }
    this.#target = options.workers
    // Paused: the bytes stay in the kernel until a worker reads them.
    this.#server = createServer({ pauseOnConnect: true }, (socket) => {
      socket.on('error', () => socket.destroy())
      this.#dispatch(socket)
    })
  }

  /** Listens, starts W workers, and resolves with the listening server once all are ready. */
  async start(port = 0): Promise<Server> {
    await new Promise<void>((resolve) => this.#server.listen(port, '127.0.0.1', resolve))
    const ready = Array.from({ length: this.#target }, () => this.#spawn())
    await Promise.all(ready)
    this.#watchdog = setInterval(() => this.#killSilentWorkers(), this.#heartbeatMs)
    return this.#server
  }

  stats(): SupervisorStats {
    const live = [...this.#workers].filter((worker) => !worker.retiring)
    return { workers: live.map((worker) => worker.child.pid ?? 0), restarts: this.#restarts }
  }

  /** SIGTTIN: one more worker. */
  grow(): void {
    this.#target++
    void this.#spawn()
  }

  /** SIGTTOU: one fewer worker (never fewer than one); it finishes what it has first. */
  shrink(): void {
    if (this.#target <= 1) return
    this.#target--
    const oldest = [...this.#workers].find((worker) => !worker.retiring)
    if (oldest) this.#retire(oldest)
  }

  /**
   * Graceful: stop accepting, let the workers serve every connection already
   * accepted, and kill whoever is still busy after gracefulTimeoutMs. Fast:
   * kill them now.
   */
  async stop({ graceful }: { graceful: boolean }): Promise<void> {
    this.#stopping = true
    clearInterval(this.#watchdog)
    this.#server.close()
    const exits = [...this.#workers].map(
      (worker) => new Promise<void>((resolve) => worker.child.once('exit', () => resolve())),
    )
    if (graceful) this.#shareOutPending()
    for (const worker of this.#workers) {
      if (graceful && worker.child.connected) worker.child.send({ type: 'stop' })
      else worker.child.kill('SIGKILL')
    }
    const deadline = setTimeout(() => {
      for (const worker of this.#workers) worker.child.kill('SIGKILL')
    }, this.#options.gracefulTimeoutMs)
    await Promise.all(exits)
    clearTimeout(deadline)
    for (const socket of this.#pending.splice(0)) socket.destroy()
  }

  /** The arbiter's loop, in Node: it reacts to signals and to its children. */
  handleSignals(): void {
    process.once('SIGTERM', () => void this.stop({ graceful: true }).then(() => process.exit(0)))
    for (const signal of ['SIGINT', 'SIGQUIT'] as const) {
      process.once(signal, () => void this.stop({ graceful: false }).then(() => process.exit(0)))
    }
    process.on('SIGTTIN', () => this.grow())
    process.on('SIGTTOU', () => this.shrink())
  }

  /** Workers beat four times per timeout, so one late beat is not yet a stuck worker. */
  get #heartbeatMs(): number {
    return Math.max(25, Math.floor(this.#options.timeoutMs / 4))
  }

  #spawn(): Promise<void> {
    const { maxRequests, maxRequestsJitter } = this.#options
    // Jitter staggers recycling, so the workers do not all restart at once.
    const limit = maxRequests
      ? maxRequests + Math.floor(Math.random() * (maxRequestsJitter + 1))
      : 0
    const args = ['--heartbeat-ms', String(this.#heartbeatMs), '--max-requests', String(limit)]
    const child = fork(processWorkerFile, args, { execArgv: tsxExecArgv })
    const worker: Worker = {
      child,
      handedOver: new Map(),
      busy: 0,
      lastConnection: 0,
      ready: false,
      retiring: false,
      lastHeartbeat: Date.now(),
    }
    this.#workers.add(worker)
    child.on('exit', () => this.#onExit(worker))
    return new Promise((resolve) => {
      child.on('message', (message: { type: string; id: number }) => {
        worker.lastHeartbeat = Date.now()
        if (message.type === 'ready') {
          worker.ready = true
          this.#flushPending()
          resolve()
        }
        if (message.type === 'retiring') this.#retire(worker)
        if (message.type === 'accepted') {
          // The worker has its own copy of the connection now: close ours.
          worker.handedOver.get(message.id)?.destroy()
          worker.handedOver.delete(message.id)
        }
        if (message.type === 'done') {
          worker.busy--
          this.#flushPending()
        }
      })
      child.once('exit', () => resolve())
    })
  }

  #onExit(worker: Worker): void {
    this.#workers.delete(worker)
    // Connections it never confirmed are still ours (we kept a copy): another worker serves them.
    for (const socket of worker.handedOver.values()) this.#dispatch(socket)
    if (this.#stopping) return
    const live = [...this.#workers].filter((each) => !each.retiring).length
    if (live < this.#target) {
      this.#restarts++
      void this.#spawn()
    }
  }

  #retire(worker: Worker): void {
    if (worker.retiring) return
    worker.retiring = true
    if (worker.child.connected) worker.child.send({ type: 'stop' })
    // A recycled worker is replaced at once, so the pool keeps W workers serving.
    const live = [...this.#workers].filter((each) => !each.retiring).length
    if (!this.#stopping && live < this.#target) void this.#spawn()
  }

  #dispatch(socket: Socket): void {
    this.#pending.push(socket)
    this.#flushPending()
  }

  /** Gives waiting connections, oldest first, to free workers, one each. */
  #flushPending(): void {
    let free = this.#freeWorker()
    while (free && this.#pending.length > 0) {
      const socket = this.#pending.shift() as Socket
      if (!socket.destroyed) this.#handOver(free, socket)
      free = this.#freeWorker()
    }
  }

  /** The free worker that has waited longest, so that the work goes round all of them. */
  #freeWorker(): Worker | undefined {
    let longest: Worker | undefined
    for (const worker of this.#workers) {
      const free = worker.ready && !worker.retiring && worker.child.connected && worker.busy === 0
      if (free && (!longest || worker.lastConnection < longest.lastConnection)) longest = worker
    }
    return longest
  }

  #handOver(worker: Worker, socket: Socket): void {
    // Like cluster's round-robin, keep our copy until the worker confirms it has the
    // connection: a worker killed in between must not take a client down with it.
    const id = ++this.#connectionIds
    worker.busy++
    worker.lastConnection = id
    worker.handedOver.set(id, socket)
    worker.child.send({ type: 'connection', id }, socket, { keepOpen: true }, (error) => {
      if (!error) return
      worker.busy--
      worker.handedOver.delete(id)
      this.#dispatch(socket)
    })
  }

  /** A graceful stop serves the connections already accepted: each worker takes a share before its 'stop'. */
  #shareOutPending(): void {
    const live = [...this.#workers].filter((worker) => worker.child.connected && !worker.retiring)
    if (live.length === 0) return
    for (const [turn, socket] of this.#pending.splice(0).entries()) {
      this.#handOver(live[turn % live.length] as Worker, socket)
    }
  }

  /** gunicorn's timeout: a worker that has not said a word for timeoutMs is stuck. Kill it. */
  #killSilentWorkers(): void {
    const now = Date.now()
    for (const worker of this.#workers) {
      if (worker.ready && now - worker.lastHeartbeat > this.#options.timeoutMs)
        worker.child.kill('SIGKILL')
    }
  }
}
