import { fileURLToPath } from 'node:url'

export type { TaskMessage, ThreadMessage } from './protocol.ts'

/** The file every pool thread starts from. */
export const runnerFile = fileURLToPath(new URL('./runner.ts', import.meta.url))

/** The task module of the threaded server. */
export const appTaskFile = fileURLToPath(new URL('./app-task.ts', import.meta.url))
