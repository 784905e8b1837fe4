// The task of the threaded server: run one request through the app, blocking
// this thread (not the main one) for its waits.
import { type AppRequest, runBlocking } from '@course/common/app'
import { now, workerName } from '@course/common/clock'
import type { ThreadReply } from '#types'

export default function handle(request: AppRequest): ThreadReply {
  const started = now()
  const response = runBlocking(request)
  return { response, started, ended: now(), servedBy: workerName() }
}
