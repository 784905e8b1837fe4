import {
  checkLeaksAfterEach,
  curlFor,
  failure,
  rawFor,
  sendRaw,
  showFigures,
  useServer,
} from '@course/common/harness'
import { send } from '@course/common/load'
import { describe, it } from 'vitest'
import { lessonServer } from './lesson-server.ts'

const DEADLINE_MS = 500
const REQUEST =
  'GET /io?ms=1 HTTP/1.1\r\nHost: slow.example\r\nX-Pad: abcdefghijklmnopqrstuvwxyz\r\n\r\n'

checkLeaksAfterEach()
const server = useServer(lessonServer(['--header-timeout-ms', String(DEADLINE_MS)]))

/** The request split into `parts` pieces, for a client that sends one piece per gap. */
function pieces(parts: number): string[] {
  const size = Math.ceil(REQUEST.length / parts)
  return Array.from({ length: parts }, (_, i) => REQUEST.slice(i * size, (i + 1) * size)).filter(
    Boolean,
  )
}

/** Starts a slow client, then a normal one just behind it; returns both outcomes. */
async function slowThenFast(parts: string[], gapMs: number) {
  const slow = sendRaw(server().port, parts, { gapMs, timeoutMs: 10_000 })
  await new Promise((resolve) => setTimeout(resolve, 50))
  const fast = await send(server().baseUrl, { path: '/healthz' })
  return { slow: await slow, fast, trickleMs: gapMs * (parts.length - 1) }
}

describe('the slow client', () => {
  it('gets 408 once the deadline passes, and no longer stalls the others', async () => {
    const { slow, fast, trickleMs } = await slowThenFast(pieces(30), 100)
    const fastMs = fast.span.received - fast.span.sent
    if (slow.status !== 408 || fast.status !== 200 || fastMs > trickleMs / 2) {
      throw failure({
        expected: `408 for a client still sending after ${DEADLINE_MS} ms, and the next client served soon after`,
        actual: `slow client got ${slow.status || 'no response'} after ${Math.round(slow.elapsedMs)} ms; the next client waited ${Math.round(fastMs)} ms`,
        reproduce: server().reproduce(
          `${rawFor(REQUEST, { trickleMs: 100 })} & sleep 3; ${curlFor({ path: '/healthz' })}`,
        ),
        hint: 'arm a header deadline when you start serving a connection (src/header-deadline.ts)',
      })
    }
  })

  it('gets 408 at the deadline even when it trickles one byte at a time', async () => {
    // Every gap is shorter than the deadline: an idle timeout would never fire.
    const bytes = [...REQUEST.slice(0, 30)]
    const slow = await sendRaw(server().port, bytes, { gapMs: 100, timeoutMs: 10_000 })
    const trickleMs = 100 * (bytes.length - 1)
    if (slow.status !== 408 || slow.elapsedMs > trickleMs * 0.6) {
      throw failure({
        expected: `408 about ${DEADLINE_MS} ms after connecting, whatever the client sends meanwhile`,
        actual: `${slow.status || 'no response'} after ${Math.round(slow.elapsedMs)} ms of a ${trickleMs} ms trickle`,
        reproduce: server().reproduce(rawFor(REQUEST, { trickleMs: 100 })),
        hint: 'a deadline counts from the connection, not from the last byte: no socket.setTimeout',
      })
    }
    showFigures(
      `a client sending one byte every 100 ms got its 408 after ${Math.round(slow.elapsedMs)} ms (deadline ${DEADLINE_MS} ms)`,
    )
  })

  it('does not cut off a request whose headers arrived in time, however long it runs', async () => {
    const request = `GET /io?ms=${DEADLINE_MS * 2} HTTP/1.1\r\nHost: x\r\n\r\n`
    const reply = await sendRaw(server().port, [request.slice(0, 10), request.slice(10)], {
      gapMs: 100,
    })
    if (reply.status !== 200) {
      throw failure({
        expected: '200: the deadline stops once the headers are in',
        actual: `${reply.status || 'no response'}: ${reply.text.slice(0, 120)}`,
        reproduce: server().reproduce(rawFor(request)),
        hint: 'clear the deadline as soon as the request is complete',
      })
    }
  })
})
