// Exercise 3: heartbeats, recycling, signals and a graceful stop.
//
// gunicorn calls its master process the arbiter: the supervisor of exercise 1
// plus what reacts to time and to signals. Build it on your Supervisor, with
// the protected members you wrote there:
//   1. a stuck worker is killed: workerArgs() passes --heartbeat-ms (a quarter
//      of options.timeoutMs) so that every worker beats while its thread is
//      free; a timer (started after super.start()) kills (SIGKILL) any ready
//      worker not heard from for timeoutMs; exercise 1 then replaces it. A
//      timeoutMs of 0 means no timeout (and no timer), as in gunicorn;
//   2. recycling: workerArgs() passes --max-requests, maxRequests plus a
//      random 0 to maxRequestsJitter (0: never); a worker that says
//      { type: 'retiring' } is marked retiring, sent { type: 'stop' }, and
//      replaced at once;
//   3. stop({ graceful: true }): close the server, share the waiting
//      connections out among the workers, send each { type: 'stop' } (it
//      arrives after those connections), wait for every worker to exit, and
//      kill stragglers after gracefulTimeoutMs; stop() without it: at once;
//   4. handleSignals(): SIGTERM stops gracefully then exits, SIGINT and SIGQUIT
//      stop at once then exit, SIGTTIN calls grow() (one more worker),
//      SIGTTOU shrink() (retire one, never below one).
//
// Until you write it, the arbiter is your supervisor and nothing more: it
// serves, but no stuck worker is killed, no worker recycled, and a signal
// stops it the hard way.
//
// Run: pnpm course test arbiter     Stuck: pnpm course hint arbiter
import { todo } from '@course/common/todo'
import { Supervisor } from './supervisor.ts'

const file = 'lessons/02-worker-pool/src/arbiter.ts'

export class Arbiter extends Supervisor {
  grow(): void {
    todo(file, 'start one more worker (SIGTTIN)', 'arbiter')
  }

  shrink(): void {
    todo(file, 'retire one worker (SIGTTOU)', 'arbiter')
  }

  handleSignals(): void {}
}
