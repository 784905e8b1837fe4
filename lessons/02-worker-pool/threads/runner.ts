// The code every pool thread runs: load the task module once, then handle one
// task per message, forever. Given to you: the exercise is the scheduling on
// the main thread, not this loop.

import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

type Handler = (task: unknown) => unknown

const { filename } = workerData as { filename: string }
const handler = ((await import(pathToFileURL(filename).href)) as { default: Handler }).default

parentPort?.on('message', async (task: unknown) => {
  try {
    parentPort?.postMessage({ type: 'result', ok: true, value: await handler(task) })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    parentPort?.postMessage({ type: 'result', ok: false, message })
  }
})
// Loading the task module is the slow part of a thread's start: say when it is done.
parentPort?.postMessage({ type: 'ready' })
