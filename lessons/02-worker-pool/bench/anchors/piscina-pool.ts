// Piscina, the production thread pool, behind this lesson's ThreadPool
// interface, so the benchmark runs the very same server on either pool.
import { fileURLToPath } from 'node:url'
import type { AppRequest } from '@course/common/app'
import { Piscina } from 'piscina'
import { QueueFullError, TaskAbortedError } from '#errors'
import type { PoolStats, RunOptions, ThreadPool, ThreadReply } from '#types'

const filename = fileURLToPath(new URL('./piscina-task.mjs', import.meta.url))

export class PiscinaPool implements ThreadPool<AppRequest, ThreadReply> {
  readonly #piscina: Piscina

  constructor(threads: number, maxQueue: number) {
    this.#piscina = new Piscina({ filename, minThreads: threads, maxThreads: threads, maxQueue })
  }

  async ready(): Promise<void> {
    // A task per thread, at once: each thread has loaded its module when they are all back.
    await Promise.all(
      Array.from({ length: this.#piscina.options.maxThreads }, () =>
        this.#piscina.run({
          method: 'GET',
          target: '/io?ms=20',
          headers: {},
          body: new Uint8Array(),
        }),
      ),
    )
  }

  async run(task: AppRequest, { signal }: RunOptions = {}): Promise<ThreadReply> {
    try {
      return await this.#piscina.run(task, signal ? { signal } : {})
    } catch (error) {
      const message = (error as Error).message
      if (/queue is at limit/i.test(message)) throw new QueueFullError(message)
      if ((error as Error).name === 'AbortError') throw new TaskAbortedError(message)
      throw error
    }
  }

  stats(): PoolStats {
    return {
      threads: this.#piscina.threads.length,
      busy: 0,
      queued: this.#piscina.queueSize,
      completed: this.#piscina.completed,
      utilization: this.#piscina.utilization,
    }
  }

  close(): Promise<void> {
    return this.#piscina.close()
  }
}
