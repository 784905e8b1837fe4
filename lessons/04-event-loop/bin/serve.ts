// Starts this lesson's server (exercise 4): the app on your own scheduler.
// The learner's by default, the reference with COURSE_IMPL=solution. The
// tests, `pnpm course serve 04` and the benchmarks all start it this way.
import { parseServerArgs, serveLesson } from '@course/common/serve'
import type { CreateLoopServer } from '#types'
import { impl } from '../lesson.ts'

const args = parseServerArgs('serve', {})

await serveLesson(`Server on a hand-made event loop from ${impl.dir}`, args.port, async () => {
  const { createLoopServer } = await impl.load<{ createLoopServer: CreateLoopServer }>(
    'loop-server.ts',
  )
  return createLoopServer()
})
