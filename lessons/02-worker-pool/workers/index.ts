import { fileURLToPath } from 'node:url'

export {
  MAX_REQUESTS,
  MAX_TIMEOUT_MS,
  onWorkerMessage,
  type SupervisorMessage,
  sendToWorker,
  type WorkerMessage,
} from './protocol.ts'

/** The entry of every worker process the supervisor starts. */
export const processWorkerFile = fileURLToPath(new URL('./process-worker.ts', import.meta.url))
