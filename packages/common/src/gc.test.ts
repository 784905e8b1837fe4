import { describe, expect, it } from 'vitest'
import { collectGarbage } from './gc.ts'

describe('collectGarbage', () => {
  it('frees what nothing holds any more, without --expose-gc', () => {
    // About 16 MB of arrays, held, then let go.
    const holder: { arrays?: number[][] } = {
      arrays: Array.from({ length: 2_000 }, () => new Array(1_000).fill(1)),
    }
    collectGarbage()
    const whileHeld = process.memoryUsage().heapUsed
    delete holder.arrays
    collectGarbage()
    expect(whileHeld - process.memoryUsage().heapUsed).toBeGreaterThan(8_000_000)
  })
})
