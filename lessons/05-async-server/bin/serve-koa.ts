// Starts this lesson's Koa server: the learner's by default, the reference
// with COURSE_IMPL=solution. Options choose where /cpu work runs (exercises 3
// and 4) and when to refuse work (exercise 5):
//   --chunk-units N         /cpu in chunks of N units, yielding between them
//   --cpu-threads N         /cpu on a pool of N threads
//   --cpu-queue N           /cpu allowed to wait for a pool thread (1 000); past them, 503
//   --max-in-flight N       503 once N requests are in flight
//   --max-loop-delay-ms N   503 while the event loop runs N ms late
// GET /_loop-delay reports the event-loop delay since the last ask (loop-delay.ts).
import { createServer } from 'node:http'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import type { CreateKoaApp } from '#types'
import { impl } from '../lesson.ts'
import { withHeapReport } from './heap-report.ts'
import { withLoopDelayReport } from './loop-delay.ts'
import { CPU_OPTIONS, cpuOption, shedderOption } from './options.ts'

const args = parseServerArgs('serve-koa', {
  ...CPU_OPTIONS,
  'max-in-flight': { max: 1_000_000 },
  'max-loop-delay-ms': { max: 60_000 },
})

const closers: Array<() => unknown> = []
await serveLesson(
  `Koa server from ${impl.dir}`,
  args.port,
  async () => {
    const { createKoaApp } = await impl.load<{ createKoaApp: CreateKoaApp }>('koa-app.ts')
    const cpu = await cpuOption(args, closers)
    const shedder = await shedderOption(args, closers)
    return createServer(
      withLoopDelayReport(withHeapReport(createKoaApp({ ...cpu, ...shedder }).callback())),
    )
  },
  { afterDrain: async () => void (await Promise.all(closers.map((close) => close()))) },
)
