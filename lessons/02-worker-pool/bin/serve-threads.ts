// Starts the threaded server of this lesson (exercise 5): the learner's by
// default, the reference with COURSE_IMPL=solution.
import { parseServerArgs, serveLesson } from '@course/common/serve'
import type { CreateThreadedServer, ThreadedServer } from '#types'
import { impl } from '../lesson.ts'

const args = parseServerArgs('serve-threads', {
  threads: { min: 1, max: 64, default: 4 },
  'max-queue': { max: 100_000, default: 64 },
  'task-timeout-ms': { max: 3_600_000 },
  'header-timeout-ms': { max: 3_600_000 },
})

let running: ThreadedServer | undefined
await serveLesson(
  `Threaded server (${args.threads} threads) from ${impl.dir}`,
  args.port,
  async () => {
    const { createThreadedServer } = await impl.load<{
      createThreadedServer: CreateThreadedServer
    }>('threaded-server.ts')
    running = createThreadedServer({
      threads: args.threads ?? 4,
      maxQueue: args['max-queue'] ?? 64,
      ...(args['task-timeout-ms'] === undefined ? {} : { taskTimeoutMs: args['task-timeout-ms'] }),
      ...(args['header-timeout-ms'] === undefined
        ? {}
        : { headerTimeoutMs: args['header-timeout-ms'] }),
    })
    // Threads take a moment to start; a server is ready when its pool is.
    await running.pool.ready()
    return running.server
  },
  { afterDrain: async () => running?.pool.close() },
)
