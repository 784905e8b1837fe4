// A lesson's benchmarks: those its lesson.json lists (shortest first, by the
// minutes each says it takes), or else every bench/*.bench.ts, by name.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench, Lesson } from './lesson.ts'

export function benchmarksOf(lesson: Lesson): Bench[] {
  if (lesson.bench.length) {
    return [...lesson.bench].sort(
      (a, b) => (a.minutes ?? Number.POSITIVE_INFINITY) - (b.minutes ?? Number.POSITIVE_INFINITY),
    )
  }
  const dir = join(lesson.dir, 'bench')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort()
    .map((file) => ({ id: file.slice(0, -'.bench.ts'.length), file: `bench/${file}` }))
}
