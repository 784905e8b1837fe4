// The thread pool alone, beside Piscina: no HTTP and no sockets, only tasks
// handed to threads and results handed back. Over HTTP (pool.bench.ts) a
// request costs far more than a small task, which hides what a pool adds to
// each task; here it is all there is. Both pools run the same task module on
// W threads with 4W tasks in flight, and each cell is the median of rounds
// taken in turn, so a noisy moment hurts both pools alike.
import { fileURLToPath } from 'node:url'
import { median } from '@course/common/stats'
import { cpuUnitMs } from '@course/common/work'
import { Piscina } from 'piscina'
import type { ThreadPoolClass } from '#types'
import { impl } from '../lesson.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const ROUND_MS = 500
const SIZES = [1, 2, 4]
const filename = fileURLToPath(new URL('./fixtures/cpu-task.mjs', import.meta.url))
const unitMs = cpuUnitMs()
const TASKS = [
  { name: 'empty', units: 0 },
  { name: '1 unit', units: 1 },
  { name: '5 ms', units: Math.max(1, Math.round(5 / unitMs)) },
]

type Run = (units: number) => Promise<unknown>

/** Tasks per second with `inFlight` tasks always waiting or running. */
async function tasksPerSecond(run: Run, units: number, inFlight: number): Promise<number> {
  let done = 0
  const started = performance.now()
  const end = started + ROUND_MS
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await run(units)
        done++
      }
    }),
  )
  return (done * 1000) / (performance.now() - started)
}

const { ThreadPool } = await impl.load<{ ThreadPool: ThreadPoolClass }>('thread-pool.ts')

console.log(`one unit of work costs ${unitMs.toFixed(2)} ms here; median of ${ROUNDS} rounds\n`)
console.log('task      W   ours tasks/s   piscina tasks/s   ours / piscina')
for (const threads of SIZES) {
  const ours = new ThreadPool<number, number>({ filename, threads, maxQueue: 100_000 })
  const piscina = new Piscina({ filename, minThreads: threads, maxThreads: threads })
  const contenders: Run[] = [(units) => ours.run(units), (units) => piscina.run(units)]
  try {
    await ours.ready()
    for (const run of contenders) await tasksPerSecond(run, 1, threads * 4)
    for (const task of TASKS) {
      const rates: number[][] = [[], []]
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, run] of contenders.entries()) {
          rates[index]?.push(await tasksPerSecond(run, task.units, threads * 4))
        }
      }
      const [mine, theirs] = rates.map(median) as [number, number]
      console.log(
        `${task.name.padEnd(8)} ${String(threads).padStart(2)} ${mine.toFixed(0).padStart(14)} ${theirs.toFixed(0).padStart(17)} ${`${(mine / theirs).toFixed(2)}x`.padStart(16)}`,
      )
    }
  } finally {
    await Promise.all([ours.close(), piscina.close()])
  }
}
