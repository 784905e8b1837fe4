// Exercise 4, the CPU trap's second cure: offload to a thread pool.
//
// Chunking keeps the loop free but makes the work itself slower, and needs
// work you can cut up. The other cure moves the work off the loop's thread:
// the loop posts it to a pool thread and awaits the answer, which costs it
// almost nothing. Write createCpuOffload({ threads, maxQueue }) with lesson
// 02's reference ThreadPool:
//   1. new ThreadPool<number, number>({ filename: cpuTaskFile, threads, maxQueue })
//      (cpuTaskFile, from #threads, is a module whose default export runs
//      cpuWork(units) and returns its checksum);
//   2. return { cpu: (units) => the pool runs it, ready, close };
//   3. a full queue is a "not now", not a failure: when pool.run rejects with
//      QueueFullError (from @course/lesson-02-worker-pool/errors.ts), reject
//      instead with createHttpError(503, message, { headers: { 'retry-after':
//      '1' }, expose: true }) from http-errors; any other error as it came.
//      The Koa app's error layer turns it into a 503 with Retry-After, as
//      lesson 02's threaded server answered a full queue.
// Careful: `async (units) => cpuWork(units)` is still on the loop's thread.
// An async function is not a thread.
// The server uses it with: pnpm course serve 05 --server koa -- --cpu-threads 1
// (and --cpu-queue N: how many /cpu may wait for a thread; 1 000 unless said).
//
// Useful: ThreadPool from @course/lesson-02-worker-pool/reference/thread-pool.ts
// (its API, described in lesson 02's types.ts: pool.run(task) resolves with
// the task's result or rejects, pool.ready() resolves once its threads are up,
// pool.close() stops them); QueueFullError from
// @course/lesson-02-worker-pool/errors.ts; createHttpError from http-errors;
// cpuTaskFile from #threads.
//
// Run: pnpm course test offload-cpu     Stuck: pnpm course hint offload-cpu
import { todo } from '@course/common/todo'
import type { CpuOffload, CpuOffloadOptions } from '#types'

export function createCpuOffload(options: CpuOffloadOptions): CpuOffload {
  return todo(
    'lessons/05-async-server/src/offload-cpu.ts',
    `run /cpu work on ${options.threads} pool thread(s) (lesson 02's ThreadPool)`,
    'offload-cpu',
  )
}
