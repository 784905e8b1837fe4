// Exercise 4: a pool of W threads with a bounded queue. Each thread runs one
// task at a time; tasks beyond W wait in a queue of at most maxQueue; beyond
// that the pool says no at once, which is what lets a server answer 503
// instead of drowning (Piscina's maxQueue does the same).
import type { Worker } from 'node:worker_threads'
import { startThread } from '@course/common/serve'
import {
  PoolClosedError,
  QueueFullError,
  TaskAbortedError,
  TaskFailedError,
  TaskTimeoutError,
} from '#errors'
import { runnerFile, type TaskMessage, type ThreadMessage } from '#threads'
import type { PoolStats, RunOptions, ThreadPoolOptions } from '#types'

interface Job<Task, Result> {
  task: Task
  resolve(value: Result): void
  reject(error: Error): void
  signal?: AbortSignal
  onAbort?: () => void
}

interface Slot<Task, Result> {
  worker?: Worker
  /** Settles when the slot's current thread has loaded its task module. */
  started?: Promise<void>
  job?: Job<Task, Result>
  startedAt: number
  timer?: NodeJS.Timeout
}

export class ThreadPool<Task, Result> {
  readonly #options: ThreadPoolOptions
  readonly #slots: Array<Slot<Task, Result>> = []
  readonly #queue: Array<Job<Task, Result>> = []
  readonly #createdAt = performance.now()
  #busyMs = 0
  #completed = 0
  #closing = false
  #drained?: () => void

  constructor(options: ThreadPoolOptions) {
    this.#options = options
    for (let i = 0; i < options.threads; i++) {
      const slot: Slot<Task, Result> = { startedAt: 0 }
      this.#spawn(slot)
      this.#slots.push(slot)
    }
  }

  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.started))
  }

  run(task: Task, { signal }: RunOptions = {}): Promise<Result> {
    if (this.#closing) return Promise.reject(new PoolClosedError('The pool is closing'))
    if (signal?.aborted) return Promise.reject(new TaskAbortedError('Aborted before it started'))
    return new Promise<Result>((resolve, reject) => {
      const job: Job<Task, Result> = { task, resolve, reject, ...(signal ? { signal } : {}) }
      const idle = this.#slots.find((slot) => !slot.job)
      if (idle) return this.#start(idle, job)
      if (this.#queue.length >= this.#options.maxQueue) {
        return reject(
          new QueueFullError(`${busy(this.#options.threads)} and ${waiting(this.#queue.length)}`),
        )
      }
      this.#queue.push(job)
      // A task still waiting is simply taken out of the queue.
      this.#listen(job, () => {
        this.#queue.splice(this.#queue.indexOf(job), 1)
        job.reject(new TaskAbortedError('Aborted while waiting for a thread'))
      })
    })
  }

  stats(): PoolStats {
    const now = performance.now()
    const running = this.#slots.reduce(
      (sum, slot) => sum + (slot.job ? now - slot.startedAt : 0),
      0,
    )
    const elapsed = (now - this.#createdAt) * this.#options.threads
    return {
      threads: this.#slots.length,
      busy: this.#slots.filter((slot) => slot.job).length,
      queued: this.#queue.length,
      completed: this.#completed,
      utilization: elapsed > 0 ? Math.min(1, (this.#busyMs + running) / elapsed) : 0,
    }
  }

  async close(): Promise<void> {
    this.#closing = true
    if (this.#queue.length > 0 || this.#slots.some((slot) => slot.job)) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve
      })
    }
    await Promise.all(this.#slots.map((slot) => slot.worker?.terminate()))
  }

  /** Starts a thread for this slot; its replies settle whatever task the slot runs. */
  #spawn(slot: Slot<Task, Result>): void {
    const worker = startThread(runnerFile, { filename: this.#options.filename })
    slot.started = new Promise((resolve) => worker.once('message', () => resolve()))
    worker.on('message', (reply: ThreadMessage<Result>) => {
      if (reply.type === 'ready') return
      const job = this.#finish(slot)
      if (reply.ok) job?.resolve(reply.value)
      else job?.reject(new TaskFailedError(reply.message))
    })
    // A thread that dies (out of memory, a crash in native code) takes only its own task with it.
    worker.on('error', (error) => this.#replace(slot, new TaskFailedError(error.message)))
    slot.worker = worker
  }

  #start(slot: Slot<Task, Result>, job: Job<Task, Result>): void {
    slot.job = job
    slot.startedAt = performance.now()
    // A running task can only be stopped by stopping its thread.
    this.#listen(job, () => this.#replace(slot, new TaskAbortedError('Aborted while running')))
    // A replacement thread may still be starting: the task's clock runs from when it really starts.
    void slot.started?.then(() => {
      if (slot.job !== job) return
      slot.startedAt = performance.now()
      const { taskTimeoutMs } = this.#options
      if (taskTimeoutMs !== undefined) {
        const timeout = new TaskTimeoutError(`The task ran for more than ${taskTimeoutMs} ms`)
        slot.timer = setTimeout(() => this.#replace(slot, timeout), taskTimeoutMs)
      }
      slot.worker?.postMessage({ type: 'task', task: job.task } satisfies TaskMessage<Task>)
    })
  }

  /** Frees the slot and hands it the next waiting task; returns the job it was running. */
  #finish(slot: Slot<Task, Result>): Job<Task, Result> | undefined {
    const job = slot.job
    if (!job) return undefined
    clearTimeout(slot.timer)
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort)
    this.#busyMs += performance.now() - slot.startedAt
    this.#completed++
    slot.job = undefined
    const next = this.#queue.shift()
    if (next) {
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort)
      this.#start(slot, next)
    } else if (this.#closing && !this.#slots.some((each) => each.job)) {
      this.#drained?.()
    }
    return job
  }

  /** Terminates a slot's thread, puts a fresh one in its place, and fails its task with `error`. */
  #replace(slot: Slot<Task, Result>, error: Error): void {
    const old = slot.worker
    old?.removeAllListeners()
    old?.on('error', () => {})
    void old?.terminate()
    this.#spawn(slot)
    this.#finish(slot)?.reject(error)
  }

  #listen(job: Job<Task, Result>, onAbort: () => void): void {
    if (!job.signal) return
    job.onAbort = onAbort
    job.signal.addEventListener('abort', onAbort, { once: true })
  }
}

/** "All 4 threads are busy", or "The one thread is busy": the 503's message reads right for any pool. */
const busy = (threads: number) =>
  threads === 1 ? 'The one thread is busy' : `All ${threads} threads are busy`

const waiting = (tasks: number) => (tasks === 1 ? '1 task waits' : `${tasks} tasks wait`)
