// The one app every server in the course serves. It is written once, as a
// generator: where it needs to wait or to compute it yields an effect (see
// types.ts) and its server performs it. Lesson 04 shows why this shape is the
// same idea as `await`.
import { workerName } from '../clock.ts'
import { LIMITS } from './limits.ts'
import { errorResponse, json } from './responses.ts'
import type { AppRequest, AppResponse, Effect } from './types.ts'

export type AppProgram = Generator<Effect, AppResponse, number | undefined>

const ROUTES: Record<string, string[]> = {
  '/': ['GET'],
  '/io': ['GET'],
  '/cpu': ['GET'],
  '/echo': ['POST'],
  '/healthz': ['GET'],
  '/whoami': ['GET'],
}

export function* app(request: AppRequest): AppProgram {
  const url = new URL(request.target, 'http://localhost')
  const methods = ROUTES[url.pathname]
  if (!methods) return errorResponse(404, `No route for ${url.pathname}`)
  if (!methods.includes(request.method)) {
    return errorResponse(405, `${url.pathname} accepts ${methods.join(', ')}`, {
      allow: methods.join(', '),
    })
  }

  switch (url.pathname) {
    case '/io': {
      const ms = integerParam(url, 'ms', 0, LIMITS.maxWaitMs)
      if (typeof ms === 'string') return errorResponse(400, ms)
      yield { type: 'wait', ms }
      return json(200, { waitedMs: ms, servedBy: workerName() })
    }
    case '/cpu': {
      const units = integerParam(url, 'n', 1, LIMITS.maxCpuUnits)
      if (typeof units === 'string') return errorResponse(400, units)
      const checksum = yield { type: 'cpu', units }
      return json(200, { units, checksum, servedBy: workerName() })
    }
    case '/echo':
      if (request.body.byteLength > LIMITS.maxBodyBytes) {
        return errorResponse(413, `The body may hold at most ${LIMITS.maxBodyBytes} bytes`)
      }
      return {
        status: 200,
        headers: { 'content-type': request.headers['content-type'] ?? 'application/octet-stream' },
        body: request.body,
      }
    case '/healthz':
      return json(200, { status: 'ok' })
    case '/whoami':
      return json(200, whoami())
    default:
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Hello, world!\n' }
  }
}

function whoami() {
  const [pid, threadId] = workerName().split('/').map(Number)
  return { pid, threadId, servedBy: workerName() }
}

/** Reads `?name=` as a whole number in [min, max], or returns why it cannot. */
function integerParam(url: URL, name: string, min: number, max: number): number | string {
  const raw = url.searchParams.get(name)
  if (raw === null) return `Missing query parameter "${name}"`
  if (!/^\d{1,9}$/.test(raw)) return `"${name}" must be a whole number, got "${raw}"`
  const value = Number(raw)
  if (value < min || value > max) return `"${name}" must be between ${min} and ${max}, got ${value}`
  return value
}
