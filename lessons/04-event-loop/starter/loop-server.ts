// Exercise 4: the course's app served on your own loop, one task per
// connection. For the first time in the course, N requests that each wait T
// should take about T, on a single thread: a task that waits parks, and the
// loop runs the others meanwhile.
//
// Write createLoopServer(): a node:net server whose connections are served by
// tasks of your Scheduler on a RealClock (../loop/ gives you the sources):
//   1. createServer({ allowHalfOpen: true }) (so a client that ends its side
//      can still be answered), a Scheduler(new RealClock()), and one task that loops
//      on `yield* next(connectionsOf(server))`, spawning a task per connection;
//      start the loop with `void scheduler.run()` and return the server.
//   2. The connection's task: `yield* next(bytesOf(socket))` until it has a
//      whole request, with lesson 01's parser: import { parseRequest } from
//      '@course/lesson-01-blocking-server/reference/parse-request.ts';
//      answer a parse error with errorResponse(status, message).
//   3. Run the app: app(request) is a generator of effects. Drive it as
//      lesson 01's runBlocking does:
//        let step = program.next()
//        while (!step.done) step = program.next(<the effect's result>)
//      A `wait` effect ({ type: 'wait', ms }) becomes `yield* sleep(ms)`: the
//      task parks, the thread does not (its result is undefined). A `cpu`
//      effect ({ type: 'cpu', units }) is cpuWork(units), on the spot (its
//      result is the checksum). An exception from the app is a 500.
//   4. socket.end(encodeResponse(response, { times: { accepted, started, ended } })),
//      with `accepted` from the connection and now() around the app's run.
//   5. A client that ends after some bytes but before a whole request gets a
//      400; one that ends having sent nothing just gets socket.end().
//
// What you need, and where it comes from:
//   import { type AppRequest, type AppResponse, app, errorResponse, LIMITS } from '@course/common/app'
//   import { now } from '@course/common/clock'
//   import { encodeResponse } from '@course/common/http'
//   import { cpuWork } from '@course/common/work'
//   import { bytesOf, type Connection, connectionsOf, next, type Program, RealClock, sleep, spawn } from '#loop'
//   import { Scheduler } from './scheduler.ts'
//
// Run: pnpm course test loop-server     Stuck: pnpm course hint loop-server
import type { Server } from 'node:net'
import { todo } from '@course/common/todo'

export function createLoopServer(): Server {
  return todo(
    'lessons/04-event-loop/src/loop-server.ts',
    'serve the app on your scheduler, one task per connection',
    'loop-server',
  )
}
