// Starts this lesson's server: the learner's by default, the reference with
// COURSE_IMPL=solution. The tests, `pnpm course serve 01` and the benchmarks
// all start it this way.
import { parseServerArgs, serveLesson } from '@course/common/serve'
import type { CreateBlockingServer } from '#types'
import { impl } from '../lesson.ts'

const args = parseServerArgs('serve', { 'header-timeout-ms': { max: 3_600_000 } })
const headerTimeoutMs = args['header-timeout-ms']

await serveLesson(`Blocking server from ${impl.dir}`, args.port, async () => {
  const { createBlockingServer } = await impl.load<{ createBlockingServer: CreateBlockingServer }>(
    'blocking-server.ts',
  )
  return createBlockingServer(headerTimeoutMs === undefined ? {} : { headerTimeoutMs })
})
