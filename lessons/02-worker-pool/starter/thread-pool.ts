// Exercise 4: a pool of W threads with a bounded queue.
//
// run(task) gives the task to a free thread, or queues it; once maxQueue tasks
// wait, it refuses at once with QueueFullError (the server turns that into
// 503). Threads start from threads/runner.ts: startThread(runnerFile,
// { filename }) from @course/common/serve; a thread posts { type: 'ready' } once,
// then answers each task it is sent (worker.postMessage({ type: 'task', task }))
// with { type: 'result', ok: true, value } or { type: 'result', ok: false,
// message }. The messages are typed in threads/protocol.ts (TaskMessage,
// ThreadMessage, from '#threads').
//
// What the tests check (test/thread-pool.test.ts):
//   1. at most W tasks run at once, and min(N, W) do run together;
//   2. ready() resolves once every thread has posted { type: 'ready' };
//   3. a full queue rejects at once with QueueFullError;
//   4. a task running past taskTimeoutMs rejects with TaskTimeoutError, and its
//      thread is terminated (worker.terminate()) and replaced; the clock starts
//      when the thread really starts the task, not while a new thread boots;
//   5. an AbortSignal takes a waiting task out of the queue, or terminates and
//      replaces the thread of a running one (TaskAbortedError either way);
//   6. a task that throws rejects with TaskFailedError and its message;
//   7. stats(): threads, busy, queued, completed, utilization (busy thread-time
//      over thread-time since the pool started);
//   8. close(): refuse new tasks (PoolClosedError), let running and queued ones
//      finish, then terminate every thread;
//   9. CPU work scales with threads up to the core count, not beyond (nothing to
//      write for that one: it is what threads do; the test shows it).
// Errors are in ../errors.ts (import them from '#errors').
//
// Run: pnpm course test thread-pool     Stuck: pnpm course hint thread-pool
import { todo } from '@course/common/todo'
import type { PoolStats, RunOptions, ThreadPoolOptions } from '#types'

const file = 'lessons/02-worker-pool/src/thread-pool.ts'

export class ThreadPool<Task, Result> {
  readonly options: ThreadPoolOptions

  constructor(options: ThreadPoolOptions) {
    this.options = options
  }

  async ready(): Promise<void> {
    todo(
      file,
      `start ${this.options.threads} threads and wait until each says it is ready`,
      'thread-pool',
    )
  }

  run(task: Task, options: RunOptions = {}): Promise<Result> {
    return todo(
      file,
      `run ${JSON.stringify(task)} on a free thread, or queue it (${Object.keys(options)})`,
      'thread-pool',
    )
  }

  stats(): PoolStats {
    return todo(file, 'report threads, busy, queued, completed and utilization', 'thread-pool')
  }

  async close(): Promise<void> {}
}
