import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startThread } from './serve/threads.ts'
import { blockingSleep, cpuUnitMs, cpuWork } from './work.ts'

describe('cpuWork', () => {
  it('returns the same checksum for the same work, and another for other work', () => {
    expect(cpuWork(2)).toBe(cpuWork(2))
    expect(cpuWork(2)).not.toBe(cpuWork(3))
  })

  it('carries on from a checksum, so work done in pieces ends where work done at once does', () => {
    expect(cpuWork(2, cpuWork(1, cpuWork(3)))).toBe(cpuWork(6))
  })

  it('costs as much after thousands of small calls in a thread as before them', async () => {
    const thread = startThread(fileURLToPath(new URL('./work-thread.fixture.ts', import.meta.url)))
    const run = (units: number) =>
      new Promise<number>((resolve) => {
        thread.once('message', resolve)
        thread.postMessage(units)
      })
    try {
      // The fastest of seven: another process on these cores can only make a run slower, never faster.
      const costOf30 = async () => {
        const costs: number[] = []
        for (let i = 0; i < 7; i++) costs.push(await run(30))
        return Math.min(...costs)
      }
      await costOf30()
      const before = await costOf30()
      for (let i = 0; i < 3_000; i++) await run(1)
      const after = await costOf30()
      // A seed that starts as a double once made V8 recompile the loop with doubles: 3x slower.
      expect(after / before).toBeLessThan(2)
    } finally {
      await thread.terminate()
    }
  })
})

describe('cpuUnitMs', () => {
  it('measures what one unit costs: ten units cost about ten times as much', () => {
    const unitMs = cpuUnitMs()
    const tenUnits = Math.min(
      ...Array.from({ length: 9 }, () => {
        const started = performance.now()
        cpuWork(10)
        return performance.now() - started
      }),
    )
    // A wide band: the other package's tests share these cores.
    expect(tenUnits / unitMs).toBeGreaterThan(3)
    expect(tenUnits / unitMs).toBeLessThan(30)
  })
})

describe('blockingSleep', () => {
  it('holds the thread for the time asked, and not much longer', () => {
    const started = performance.now()
    blockingSleep(30)
    const slept = performance.now() - started
    expect(slept).toBeGreaterThanOrEqual(29)
    expect(slept / 30).toBeLessThan(3)
  })
})
