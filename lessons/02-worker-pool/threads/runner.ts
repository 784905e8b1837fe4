// The code every pool thread runs: load the task module once, then handle one
// task per message, forever. Given to you: the exercise is the scheduling on
// the main thread, not this loop. The messages are typed in ./protocol.ts.

import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import type { TaskMessage, ThreadMessage } from './protocol.ts'

type Handler = (task: unknown) => unknown

const { filename }: { filename: string } = workerData
const taskModule: { default: Handler } = await import(pathToFileURL(filename).href)
const handler = taskModule.default
const reply = (message: ThreadMessage<unknown>) => parentPort?.postMessage(message)

parentPort?.on('message', async ({ task }: TaskMessage<unknown>) => {
  try {
    reply({ type: 'result', ok: true, value: await handler(task) })
  } catch (error) {
    reply({
      type: 'result',
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
})
// Loading the task module is the slow part of a thread's start: say when it is done.
reply({ type: 'ready' })
