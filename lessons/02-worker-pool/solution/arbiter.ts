// Exercise 3: the arbiter, gunicorn's name for its master process. It is the
// supervisor of exercise 1 plus what reacts to time and to signals: a worker
// silent for too long is stuck in a request and killed; a worker that has
// served enough requests is recycled (the classic cure for slow leaks);
// SIGTERM stops gracefully, SIGINT and SIGQUIT at once, SIGTTIN and SIGTTOU
// grow and shrink the pool.
import type { Server } from 'node:net'
import { sendToWorker, type WorkerMessage } from '#workers'
import { Supervisor, type WorkerProcess } from './supervisor.ts'

export class Arbiter extends Supervisor {
  #watchdog?: NodeJS.Timeout

  override async start(port = 0): Promise<Server> {
    const server = await super.start(port)
    // A timeout of 0 means none, as in gunicorn.
    if (this.options.timeoutMs > 0) {
      this.#watchdog = setInterval(() => this.#killSilentWorkers(), this.#heartbeatMs)
    }
    return server
  }

  /**
   * Graceful: stop accepting, let the workers serve every connection already
   * accepted, and kill whoever is still busy after gracefulTimeoutMs. Fast:
   * kill them now.
   */
  override async stop({ graceful } = { graceful: false }): Promise<void> {
    clearInterval(this.#watchdog)
    if (!graceful) return super.stop()
    this.stopping = true
    this.server.close()
    const exits = [...this.workers].map((worker) => worker.exited)
    this.#shareOutWaiting()
    for (const worker of this.workers) {
      // It arrives after the connections just shared out, so the worker serves them first.
      if (worker.child.connected) sendToWorker(worker.child, { type: 'stop' })
      else worker.child.kill('SIGKILL')
    }
    const deadline = setTimeout(() => {
      for (const worker of this.workers) worker.child.kill('SIGKILL')
    }, this.options.gracefulTimeoutMs)
    await Promise.all(exits)
    clearTimeout(deadline)
    for (const socket of this.waiting.splice(0)) socket.destroy()
  }

  /** SIGTTIN: one more worker. */
  grow(): void {
    this.target++
    this.spawn()
  }

  /** SIGTTOU: one fewer worker (never fewer than one); it finishes what it has first. */
  shrink(): void {
    if (this.target <= 1) return
    this.target--
    const oldest = [...this.workers].find((worker) => !worker.retiring)
    if (oldest) this.#retire(oldest)
  }

  /** The arbiter's loop, in Node: it reacts to signals and to its children. */
  handleSignals(): void {
    process.once('SIGTERM', () => void this.stop({ graceful: true }).then(() => process.exit(0)))
    for (const signal of ['SIGINT', 'SIGQUIT'] as const) {
      process.once(signal, () => void this.stop().then(() => process.exit(0)))
    }
    process.on('SIGTTIN', () => this.grow())
    process.on('SIGTTOU', () => this.shrink())
  }

  protected override workerArgs(): string[] {
    const { maxRequests, maxRequestsJitter } = this.options
    // Jitter staggers recycling, so the workers do not all restart at once.
    const limit = maxRequests
      ? maxRequests + Math.floor(Math.random() * (maxRequestsJitter + 1))
      : 0
    return ['--heartbeat-ms', String(this.#heartbeatMs), '--max-requests', String(limit)]
  }

  protected override onMessage(worker: WorkerProcess, message: WorkerMessage): void {
    super.onMessage(worker, message)
    if (message.type === 'retiring') this.#retire(worker)
  }

  /** Workers beat four times per timeout, so one late beat is not yet a stuck worker. */
  get #heartbeatMs(): number {
    const { timeoutMs } = this.options
    return timeoutMs > 0 ? Math.max(25, Math.floor(timeoutMs / 4)) : 1_000
  }

  /** gunicorn's timeout: a worker that has not said a word for timeoutMs is stuck. Kill it. */
  #killSilentWorkers(): void {
    const now = Date.now()
    for (const worker of this.workers) {
      if (worker.ready && now - worker.lastHeard > this.options.timeoutMs)
        worker.child.kill('SIGKILL')
    }
  }

  /** Takes a worker out of service: it finishes what it has, and another takes its place now. */
  #retire(worker: WorkerProcess): void {
    if (worker.retiring) return
    worker.retiring = true
    if (worker.child.connected) sendToWorker(worker.child, { type: 'stop' })
    if (!this.stopping && this.live() < this.target) this.spawn()
  }

  /** A graceful stop serves the connections still waiting: each worker takes a share. */
  #shareOutWaiting(): void {
    const open = [...this.workers].filter((worker) => worker.child.connected && !worker.retiring)
    for (const [turn, socket] of this.waiting.splice(0).entries()) {
      const worker = open[turn % open.length]
      if (worker) this.handOver(worker, socket)
      else socket.destroy()
    }
  }
}
