// A lesson's benchmarks: every bench/*.bench.ts, named by the file without
// its suffix, shortest first. How long each takes is declared in lesson.json
// ("benches": { "pool": { "seconds": 600 } }), so a learner who runs them all
// sees the quick answers before the ten-minute one; one not declared runs last.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { closest } from './closest.ts'
import { UsageError } from './errors.ts'
import type { Lesson } from './lessons.ts'

export interface Bench {
  /** The file's name without `.bench.ts`: what `--only` takes. */
  name: string
  file: string
  expectedSeconds?: number
}

const SUFFIX = '.bench.ts'

export function lessonBenches(lesson: Lesson): Bench[] {
  const dir = join(lesson.dir, 'bench')
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(SUFFIX)) : []
  return files
    .map((file) => {
      const name = file.slice(0, -SUFFIX.length)
      const seconds = lesson.benches?.[name]?.seconds
      return {
        name,
        file: join(dir, file),
        ...(seconds === undefined ? {} : { expectedSeconds: seconds }),
      }
    })
    .sort(
      (a, b) =>
        (a.expectedSeconds ?? Number.POSITIVE_INFINITY) -
          (b.expectedSeconds ?? Number.POSITIVE_INFINITY) || a.name.localeCompare(b.name),
    )
}

/** The benchmarks to run: all of them, shortest first, or the one named `only` (with or without its suffix). */
export function chooseBenches(lessons: readonly Lesson[], only?: string): [Lesson, Bench][] {
  const all = lessons.flatMap((lesson) =>
    lessonBenches(lesson).map((bench): [Lesson, Bench] => [lesson, bench]),
  )
  if (only === undefined) return all
  const wanted = only.endsWith(SUFFIX) ? only.slice(0, -SUFFIX.length) : only
  const chosen = all.filter(([, bench]) => bench.name === wanted)
  if (chosen.length) return chosen
  const names = [...new Set(all.map(([, bench]) => bench.name))]
  const suggestion = closest(wanted, names)
  throw new UsageError(
    `no benchmark named "${only}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (the benchmarks: ${names.join(', ') || 'none'})`,
  )
}

/** "about 8 min", for the line printed before a benchmark starts. */
export function aboutHowLong(seconds: number | undefined): string {
  if (seconds === undefined) return ''
  return seconds < 90 ? ` (about ${seconds} s)` : ` (about ${Math.round(seconds / 60)} min)`
}
