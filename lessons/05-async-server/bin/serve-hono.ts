// Starts this lesson's Hono server (exercise 2) on Node through
// @hono/node-server: the learner's by default, the reference with
// COURSE_IMPL=solution. --chunk-units, --cpu-threads and --cpu-queue work as for Koa, and
// so does GET /_loop-delay.
import { createServer } from 'node:http'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import { getRequestListener } from '@hono/node-server'
import type { CreateHonoApp } from '#types'
import { impl } from '../lesson.ts'
import { withHeapReport } from './heap-report.ts'
import { withLoopDelayReport } from './loop-delay.ts'
import { CPU_OPTIONS, cpuOption } from './options.ts'

const args = parseServerArgs('serve-hono', {
  ...CPU_OPTIONS,
})

const closers: Array<() => unknown> = []
await serveLesson(
  `Hono server from ${impl.dir}`,
  args.port,
  async () => {
    const { createHonoApp } = await impl.load<{ createHonoApp: CreateHonoApp }>('hono-app.ts')
    const app = createHonoApp(await cpuOption(args, closers))
    return createServer(withLoopDelayReport(withHeapReport(getRequestListener(app.fetch))))
  },
  { afterDrain: async () => void (await Promise.all(closers.map((close) => close()))) },
)
