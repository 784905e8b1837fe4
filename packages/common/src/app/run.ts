import { asyncSleep, blockingSleep, cpuWork } from '../work.ts'
import { app } from './app.ts'
import { errorResponse } from './responses.ts'
import type { AppRequest, AppResponse, Effect } from './types.ts'

/**
 * Runs the app the "sync" way: every wait blocks the thread, so nothing else
 * on this thread runs until the request is done.
 */
export function runBlocking(request: AppRequest): AppResponse {
  return guard(() => {
    const program = app(request)
    let step = program.next()
    while (!step.done) {
      const effect = step.value
      if (effect.type === 'wait') {
        blockingSleep(effect.ms)
        step = program.next(undefined)
      } else {
        step = program.next(cpuWork(effect.units))
      }
    }
    return step.value
  })
}

export interface AsyncRunOptions {
  /**
   * Where CPU work runs. Inline by default, which blocks the event loop (lesson 05).
   * What it throws reaches the caller: the server chose where the work runs, so
   * the server answers when that place refuses it (a full thread pool: 503).
   */
  cpu?: (units: number) => number | Promise<number>
}

/** Runs the app the "async" way: a wait gives the thread back to the event loop. */
export async function runAsync(
  request: AppRequest,
  { cpu = cpuWork }: AsyncRunOptions = {},
): Promise<AppResponse> {
  const program = app(request)
  let step = advance(() => program.next())
  while (!('response' in step)) {
    const effect = step.effect
    if (effect.type === 'wait') {
      await asyncSleep(effect.ms)
      step = advance(() => program.next(undefined))
    } else {
      const checksum = await cpu(effect.units)
      step = advance(() => program.next(checksum))
    }
  }
  return step.response
}

/** Where the app stands: it asks for an effect, or it has its response. */
type Step = { effect: Effect } | { response: AppResponse }

/** Runs the app to its next step; an exception of the app itself becomes a 500. */
function advance(next: () => IteratorResult<Effect, AppResponse>): Step {
  try {
    const step = next()
    return step.done ? { response: step.value } : { effect: step.value }
  } catch (error) {
    return { response: internalError(error) }
  }
}

function guard(handle: () => AppResponse): AppResponse {
  try {
    return handle()
  } catch (error) {
    return internalError(error)
  }
}

function internalError(error: unknown): AppResponse {
  const message = error instanceof Error ? error.message : String(error)
  return errorResponse(500, `The app failed: ${message}`)
}
