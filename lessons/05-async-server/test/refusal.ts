// A refusal from where /cpu runs (exercise 4's full pool), as the apps of
// exercises 1 and 2 receive it: an error made with http-errors, a 503 that
// carries Retry-After and a message meant for the client. Both error layers
// must answer it as it says, not as a 500.
import { failure } from '@course/common/harness'
import createHttpError from 'http-errors'

const MESSAGE = 'Every thread is busy and the queue is full'

/** A CPU runner whose pool is always full. */
export const fullPool = () =>
  Promise.reject(createHttpError(503, MESSAGE, { headers: { 'retry-after': '1' }, expose: true }))

export interface Answer {
  status: number
  retryAfter: string | null | undefined
  body: string
}

export function expectRefusalAnswered({ status, retryAfter, body }: Answer, reproduce: string) {
  let message: unknown
  try {
    message = JSON.parse(body).message
  } catch {}
  if (status === 503 && retryAfter === '1' && message === MESSAGE) return
  throw failure({
    expected: `503, Retry-After: 1 and a JSON error with "message": "${MESSAGE}"`,
    actual: `${status}, Retry-After: ${retryAfter ?? 'none'}, body ${JSON.stringify(body.slice(0, 160))}`,
    reproduce,
    hint: "answer an error's status and headers (error.headers), and its message when error.expose says it is meant for the client",
  })
}
