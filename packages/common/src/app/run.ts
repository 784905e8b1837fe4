import { asyncSleep, blockingSleep, cpuWork } from '../work.ts'
import { app } from './app.ts'
import { errorResponse } from './responses.ts'
import type { AppRequest, AppResponse } from './types.ts'

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
  /** Where CPU work runs. Inline by default, which blocks the event loop (lesson 05). */
  cpu?: (units: number) => number | Promise<number>
}

/** Runs the app the "async" way: a wait gives the thread back to the event loop. */
export async function runAsync(
  request: AppRequest,
  { cpu = cpuWork }: AsyncRunOptions = {},
): Promise<AppResponse> {
  try {
    const program = app(request)
    let step = program.next()
    while (!step.done) {
      const effect = step.value
      if (effect.type === 'wait') {
        await asyncSleep(effect.ms)
        step = program.next(undefined)
      } else {
        step = program.next(await cpu(effect.units))
      }
    }
    return step.value
  } catch (error) {
    return internalError(error)
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
