// Exercise 3, the CPU trap's first cure: chunks that yield.
//
// An async server has one thread. A request that computes for 300 ms holds
// it for 300 ms: no other request is read, parsed or answered meanwhile
// (try it: pnpm course serve 05 --server koa, then /cpu?n=1500 and /healthz
// together). Write cpuInChunks(units, chunkUnits): do the same work as
// cpuWork(units), chunkUnits at a time, and give the event loop back between
// chunks, so that others get in after at most one chunk:
//   1. start from checksum = CPU_SEED;
//   2. while work remains: checksum = cpuWork(min(chunkUnits, left), checksum)
//      (passing the last checksum carries on where the last chunk stopped,
//      so the result is exactly cpuWork(units));
//   3. between chunks, await setImmediate() from node:timers/promises: a
//      macrotask, after which the loop reads sockets again. (Would
//      `await Promise.resolve()` do? Find out why not in the chapter.)
// The server uses it with: pnpm course serve 05 --server koa -- --chunk-units 2
//
// Useful: cpuWork, CPU_SEED from @course/common/work; setImmediate from
// node:timers/promises.
//
// Run: pnpm course test chunked-cpu     Stuck: pnpm course hint chunked-cpu
import { todo } from '@course/common/todo'

export async function cpuInChunks(units: number, chunkUnits: number): Promise<number> {
  return todo(
    'lessons/05-async-server/src/chunked-cpu.ts',
    `do ${units} units of cpuWork in chunks of ${chunkUnits}, yielding to the loop between them`,
    'chunked-cpu',
  )
}
