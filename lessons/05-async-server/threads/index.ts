import { fileURLToPath } from 'node:url'

/** The task module each thread of the offload cure loads (see lesson 02's ThreadPool). */
export const cpuTaskFile = fileURLToPath(new URL('./cpu-task.ts', import.meta.url))
