import { type Reply, type RequestSpec, send } from '../load/send.ts'
import { curlFor, failure } from './reproduce.ts'
import type { ServerProcess } from './server-process.ts'

export interface Expectation {
  status: number
  /** Checks on the body as JSON; return a sentence describing the problem, or nothing. */
  json?: (body: unknown) => string | undefined
  hint?: string
}

/** Sends one request and fails with expected / actual / curl unless the reply matches. */
export async function expectReply(
  server: ServerProcess,
  spec: RequestSpec,
  expectation: Expectation,
): Promise<Reply> {
  const reply = await send(server.baseUrl, spec)
  const reproduce = server.reproduce(curlFor(spec))
  const shown = describe(reply)
  if (reply.status !== expectation.status) {
    throw failure({
      expected: `status ${expectation.status}`,
      actual: shown,
      reproduce,
      ...(expectation.hint ? { hint: expectation.hint } : {}),
    })
  }
  if (expectation.json) {
    let problem: string | undefined
    try {
      problem = expectation.json(JSON.parse(reply.body.toString('utf8')))
    } catch {
      problem = 'a JSON body'
    }
    if (problem) throw failure({ expected: problem, actual: shown, reproduce })
  }
  return reply
}

function describe(reply: Reply): string {
  if (reply.status === 0) return `no response (${reply.span.error ?? 'connection failed'})`
  const body = reply.body.toString('utf8')
  return `status ${reply.status}, body ${JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}...` : body)}`
}
