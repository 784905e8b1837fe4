// Exercise 1: a pre-fork supervisor, like gunicorn's arbiter.
//
// The supervisor owns the listening socket and knows nothing about HTTP. Its
// job is to keep W worker processes alive and hand each new connection to a
// worker that is free. Each worker runs workers/process-worker.ts: lesson
// 01's blocking server. Read that file first: it lists the messages a worker
// sends and understands.
//
// What the tests check (test/supervisor.test.ts):
//   1. start(port): listen on 127.0.0.1 with createServer({ pauseOnConnect: true }),
//      fork W workers (fork(processWorkerFile, args, { execArgv: tsxExecArgv })),
//      resolve with the server once every worker said { type: 'ready' };
//   2. each connection goes to a free worker, the one free longest (a worker has
//      one connection at a time and says { type: 'done' } when it has answered),
//      or waits in the supervisor until one is free:
//      child.send({ type: 'connection', id }, socket, { keepOpen: true }); close
//      your copy (socket.destroy()) when the worker answers { type: 'accepted', id },
//      and give it to another worker if this one dies first;
//   3. a worker that exits is replaced, unless you are stopping or shrinking;
//   4. a worker silent for timeoutMs (no heartbeat) is killed (SIGKILL) and so replaced;
//      pass it --heartbeat-ms (a quarter of timeoutMs) and --max-requests;
//   5. a worker that says { type: 'retiring' } (max requests reached, plus a
//      random jitter you add) is replaced at once;
//   6. handleSignals(): SIGTERM stops gracefully (close the server, share the
//      connections still waiting out among the workers, send every worker
//      { type: 'stop' }, wait, kill stragglers after gracefulTimeoutMs, exit);
//      SIGINT and SIGQUIT stop at once; SIGTTIN grows the pool by one, SIGTTOU
//      shrinks it by one (never below one).
//
// Run: pnpm course test supervisor     Stuck: pnpm course hint supervisor
import type { Server } from 'node:net'
import { todo } from '@course/common/todo'
import type { SupervisorOptions, SupervisorStats } from '#types'

const file = 'lessons/02-worker-pool/src/supervisor.ts'

export class Supervisor {
  readonly options: SupervisorOptions

  constructor(options: SupervisorOptions) {
    this.options = options
  }

  async start(port = 0): Promise<Server> {
    return todo(
      file,
      `listen on port ${port} and start ${this.options.workers} workers`,
      'supervisor',
    )
  }

  stats(): SupervisorStats {
    return todo(file, 'report the pids of the workers and the restarts', 'supervisor')
  }

  grow(): void {
    todo(file, 'start one more worker (SIGTTIN)', 'supervisor')
  }

  shrink(): void {
    todo(file, 'retire one worker (SIGTTOU)', 'supervisor')
  }

  async stop({ graceful }: { graceful: boolean }): Promise<void> {
    todo(file, graceful ? 'drain the workers, then stop' : 'stop at once', 'supervisor')
  }

  handleSignals(): void {
    todo(file, 'react to SIGTERM, SIGINT, SIGQUIT, SIGTTIN and SIGTTOU', 'supervisor')
  }
}
