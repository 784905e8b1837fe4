import { describe, expect, it } from 'vitest'
import { median, percentile, summarize } from './stats.ts'

describe('percentiles', () => {
  it('use the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 99)).toBe(99)
    expect(percentile(sorted, 100)).toBe(100)
  })

  it('summarize unsorted values', () => {
    expect(summarize([30, 10, 20])).toMatchObject({ count: 3, min: 10, p50: 20, max: 30 })
    expect(median([5, 1, 3, 2, 4])).toBe(3)
  })
})
