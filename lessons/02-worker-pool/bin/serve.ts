// Starts this lesson's process pool (exercises 1 to 3): an arbiter and W
// worker processes, each running lesson 01's blocking server. The learner's
// arbiter by default, the reference with COURSE_IMPL=solution.
import { announceReady, explainTodo, parseServerArgs } from '@course/common/serve'
import { BootFailedError } from '#errors'
import type { ArbiterClass } from '#types'
import { MAX_REQUESTS, MAX_TIMEOUT_MS } from '#workers'
import { impl } from '../lesson.ts'

const args = parseServerArgs('serve', {
  workers: { min: 1, max: 64, default: 4 },
  'timeout-ms': { max: MAX_TIMEOUT_MS },
  'graceful-timeout-ms': { max: MAX_TIMEOUT_MS },
  'max-requests': { max: MAX_REQUESTS },
  'max-requests-jitter': { max: MAX_REQUESTS },
})

const server = await explainTodo(async () => {
  const { Arbiter } = await impl.load<{ Arbiter: ArbiterClass }>('arbiter.ts')
  const arbiter = new Arbiter({
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
  // Exercise 1 first: the pool must start before anything can be asked of it.
  const listening = await arbiter.start(args.port).catch((error: unknown) => {
    if (!(error instanceof BootFailedError)) throw error
    console.error(`serve: ${error.message}`)
    process.exit(1)
  })
  arbiter.handleSignals()
  return listening
})
announceReady(
  server,
  `Process pool (${args.workers} worker${args.workers === 1 ? '' : 's'}) from ${impl.dir}`,
)
