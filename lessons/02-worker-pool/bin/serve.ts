// Starts this lesson's process pool (exercise 1): a supervisor and W worker
// processes, each running lesson 01's blocking server. The learner's
// supervisor by default, the reference with COURSE_IMPL=solution.
import { announceReady, explainTodo, parseServerArgs } from '@course/common/serve'
import type { SupervisorClass } from '#types'
import { impl } from '../lesson.ts'

const args = parseServerArgs('serve', {
  workers: { max: 64, default: 4 },
  'timeout-ms': { max: 3_600_000 },
  'graceful-timeout-ms': { max: 3_600_000 },
  'max-requests': { max: 1_000_000_000 },
  'max-requests-jitter': { max: 1_000_000_000 },
})

const server = await explainTodo(async () => {
  const { Supervisor } = await impl.load<{ Supervisor: SupervisorClass }>('supervisor.ts')
  const supervisor = new Supervisor({
    workers: args.workers ?? 4,
    ...(args['timeout-ms'] === undefined ? {} : { timeoutMs: args['timeout-ms'] }),
    ...(args['graceful-timeout-ms'] === undefined
      ? {}
      : { gracefulTimeoutMs: args['graceful-timeout-ms'] }),
    ...(args['max-requests'] === undefined ? {} : { maxRequests: args['max-requests'] }),
    ...(args['max-requests-jitter'] === undefined
      ? {}
      : { maxRequestsJitter: args['max-requests-jitter'] }),
  })
  supervisor.handleSignals()
  return supervisor.start(args.port)
})
announceReady(server, `Process pool (${args.workers} workers) from ${impl.dir}`)
