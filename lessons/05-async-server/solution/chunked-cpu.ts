// Exercise 3, cure one: cut the CPU work into chunks and give the event loop
// back between them. Each chunk is short, so a request that arrives meanwhile
// waits one chunk, not the whole computation. The work takes a little longer
// in total: that is the price of letting everyone else in.
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { CPU_SEED, cpuWork } from '@course/common/work'

export async function cpuInChunks(units: number, chunkUnits: number): Promise<number> {
  let checksum = CPU_SEED
  for (let done = 0; done < units; done += chunkUnits) {
    checksum = cpuWork(Math.min(chunkUnits, units - done), checksum)
    // setImmediate, not a resolved promise: promise jobs run before the loop
    // looks at sockets again, so only a macrotask lets other requests in.
    await yieldToLoop()
  }
  return checksum
}
