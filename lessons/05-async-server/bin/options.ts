// The command-line options of the lesson's servers that choose a cure or a
// shedder. Each loads its exercise only when asked for, so exercise 1's
// server runs before exercises 3 and 4 are written.
import type {
  CpuInChunks,
  CpuOffload,
  CpuRunner,
  CreateCpuOffload,
  CreateLoadShedder,
  LoadShedder,
} from '#types'
import { impl } from '../lesson.ts'

type Closer = () => unknown

interface CpuArgs {
  'chunk-units'?: number | undefined
  'cpu-threads'?: number | undefined
  'cpu-queue'?: number | undefined
}

/** The CPU options both servers take. */
export const CPU_OPTIONS = {
  'chunk-units': { max: 2_000 },
  'cpu-threads': { max: 64 },
  // /cpu requests allowed to wait for a pool thread; past them, 503 at once.
  'cpu-queue': { max: 100_000, default: 1_000 },
}

/** Where /cpu runs: in chunks, on a thread pool, or (no option) inline. */
export async function cpuOption(args: CpuArgs, closers: Closer[]): Promise<{ cpu?: CpuRunner }> {
  const chunkUnits = args['chunk-units']
  const threads = args['cpu-threads']
  if (chunkUnits && threads) {
    console.error('choose one cure: --chunk-units or --cpu-threads, not both')
    process.exit(2)
  }
  if (chunkUnits) {
    const { cpuInChunks } = await impl.load<{ cpuInChunks: CpuInChunks }>('chunked-cpu.ts')
    return { cpu: (units) => cpuInChunks(units, chunkUnits) }
  }
  if (threads) {
    const { createCpuOffload } = await impl.load<{ createCpuOffload: CreateCpuOffload }>(
      'offload-cpu.ts',
    )
    const maxQueue = args['cpu-queue'] ?? CPU_OPTIONS['cpu-queue'].default
    const offload: CpuOffload = createCpuOffload({ threads, maxQueue })
    closers.push(() => offload.close())
    await offload.ready()
    return { cpu: (units) => offload.cpu(units) }
  }
  return {}
}

interface ShedderArgs {
  'max-in-flight'?: number | undefined
  'max-loop-delay-ms'?: number | undefined
}

/** A load shedder when either bound is given. */
export async function shedderOption(
  args: ShedderArgs,
  closers: Closer[],
): Promise<{ shedder?: LoadShedder['middleware'] }> {
  const maxInFlight = args['max-in-flight']
  const maxEventLoopDelayMs = args['max-loop-delay-ms']
  if (maxInFlight === undefined && maxEventLoopDelayMs === undefined) return {}
  const { createLoadShedder } = await impl.load<{ createLoadShedder: CreateLoadShedder }>(
    'load-shedder.ts',
  )
  const shedder = createLoadShedder({
    ...(maxInFlight === undefined ? {} : { maxInFlight }),
    ...(maxEventLoopDelayMs === undefined ? {} : { maxEventLoopDelayMs }),
  })
  closers.push(() => shedder.close())
  return { shedder: shedder.middleware }
}
