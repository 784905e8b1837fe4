import { fileURLToPath } from 'node:url'

/** The entry of every worker process the supervisor starts. */
export const processWorkerFile = fileURLToPath(new URL('./process-worker.ts', import.meta.url))
