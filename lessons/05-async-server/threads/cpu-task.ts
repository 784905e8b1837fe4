// The task of the offload cure: one /cpu request's work, run on a pool thread
// so that the event loop on the main thread stays free.
import { cpuWork } from '@course/common/work'

export default function cpuTask(units: number): number {
  return cpuWork(units)
}
