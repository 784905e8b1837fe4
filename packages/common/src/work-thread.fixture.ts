// A pool thread in miniature, for work.test.ts: each message is a task of
// `units` of CPU work, run from an async handler as pool threads run theirs.
import { parentPort } from 'node:worker_threads'
import { cpuWork } from './work.ts'

function timed(units: number): number {
  const started = performance.now()
  cpuWork(units)
  return performance.now() - started
}

// The await of a plain value is on purpose: the slow loop appeared only when
// cpuWork was called from an async function, as lesson 02's runner calls tasks.
parentPort?.on('message', async (units: number) => {
  parentPort?.postMessage(await timed(units))
})
