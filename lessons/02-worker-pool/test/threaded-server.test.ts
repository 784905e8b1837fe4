import { connect } from 'node:net'
import { describeContract } from '@course/common/contract'
import { checkLeaksAfterEach, failure, sendRaw, useServer } from '@course/common/harness'
import { burst, send } from '@course/common/load'
import { describe, expect, it } from 'vitest'
import { threadedServer } from './lesson-servers.ts'
import { describePoolShapes, itDrainsOnSigterm } from './pool-shapes.ts'

checkLeaksAfterEach()

describe('with 3 threads', () => {
  const server = useServer(threadedServer(['--threads', '3']))

  describeContract(server)

  describePoolShapes(server, '02 --server threads')

  it('answers 400 to a request cut off half way, as lesson 01 does', async () => {
    const head = 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n'
    const reply = await sendRaw(server().port, [head, 'abc'], { halfClose: true })
    if (reply.status !== 400) {
      throw failure({
        expected: '400 Bad Request: the client stopped sending 7 bytes before the end of its body',
        actual: reply.status ? (reply.text.split('\r\n')[0] ?? '') : 'no answer',
        reproduce:
          "pnpm course serve 02 --server threads -- --port 8080\nthen, in another terminal: pnpm course send --port 8080 --raw 'POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 10\\r\\n\\r\\nabc' --end",
        hint: "read requests with lesson 01's readRequest, which answers a request cut off half way",
      })
    }
  })

  it('lets a fast request through while a slow one holds a thread', async () => {
    const slow = send(server().baseUrl, { path: '/io?ms=800' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const fast = await send(server().baseUrl, { path: '/healthz' })
    expect(fast.status).toBe(200)
    expect(fast.span.received - fast.span.sent).toBeLessThan(400)
    expect((await slow).status).toBe(200)
  })
})

describe('with 1 thread and a queue of 1', () => {
  const server = useServer(threadedServer(['--threads', '1', '--max-queue', '1']))

  it('answers 503 with Retry-After when every thread is busy and the queue is full', async () => {
    const { replies } = await burst(server().baseUrl, { path: '/io?ms=300', n: 3 })
    const statuses = replies.map((reply) => reply.status).sort()
    const refused = replies.find((reply) => reply.status === 503)
    if (statuses.join() !== '200,200,503' || refused?.headers['retry-after'] !== '1') {
      throw failure({
        expected: 'two 200s (one running, one queued) and one 503 with Retry-After: 1',
        actual: `${statuses.join(', ')}; Retry-After: ${refused?.headers['retry-after']}`,
        reproduce: 'for i in 1 2 3; do curl -si "http://127.0.0.1:8080/io?ms=300" | head -1 & done',
      })
    }
  })

  it('frees the thread of a client that hangs up', async () => {
    const gone = connect({ host: '127.0.0.1', port: server().port })
    gone.on('error', () => {})
    gone.write('GET /io?ms=5000 HTTP/1.1\r\nHost: x\r\n\r\n')
    await new Promise((resolve) => setTimeout(resolve, 150))
    gone.destroy()
    const next = await send(server().baseUrl, { path: '/io?ms=1' })
    expect(next.status).toBe(200)
    // Far sooner than the 5 s the abandoned request would have held the only thread.
    expect(next.span.received - next.span.sent).toBeLessThan(2_500)
  })
})

describe('with a task timeout', () => {
  const server = useServer(threadedServer(['--threads', '1', '--task-timeout-ms', '300']))

  it('answers 504 when a request runs past the timeout, and keeps serving', async () => {
    const stuck = await send(server().baseUrl, { path: '/io?ms=3000' })
    expect(stuck.status).toBe(504)
    expect(stuck.span.received - stuck.span.sent).toBeLessThan(2_000)
    expect((await send(server().baseUrl, { path: '/healthz' })).status).toBe(200)
  })
})

describe('on SIGTERM', () => {
  itDrainsOnSigterm(
    threadedServer(['--threads', '2']),
    'bin/serve-threads.ts closes the server; answer every request you already have before pool.close() ends',
  )
})
