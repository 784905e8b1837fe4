import { describe, expect, it } from 'vitest'
import { aboutHowLong, chooseBenches, lessonBenches } from './benches.ts'
import { UsageError } from './errors.ts'
import { loadLessons } from './lessons.ts'

const lessons = loadLessons()
const workerPool = lessons.find((lesson) => lesson.id === 'worker-pool')

describe('benchmarks', () => {
  it('run shortest first, as each lesson.json declares them', () => {
    const benches = lessonBenches(workerPool!)
    const seconds = benches.map((bench) => bench.expectedSeconds ?? Number.POSITIVE_INFINITY)
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b))
    expect(benches.at(-1)?.name).toBe('pool')
  })

  it('declare how long each takes, in every lesson', () => {
    for (const lesson of lessons) {
      for (const bench of lessonBenches(lesson)) {
        expect(bench.expectedSeconds, `${lesson.slug}: ${bench.name}`).toBeGreaterThan(0)
      }
    }
  })

  it('run one alone with --only, named with or without its suffix', () => {
    for (const only of ['pool', 'pool.bench.ts']) {
      const chosen = chooseBenches([workerPool!], only)
      expect(chosen.map(([, bench]) => bench.name)).toEqual(['pool'])
    }
  })

  it('name the closest benchmark when --only names none', () => {
    expect(() => chooseBenches(lessons, 'pol')).toThrow(UsageError)
    expect(() => chooseBenches(lessons, 'pol')).toThrow(
      /no benchmark named "pol"; did you mean "pool"\?/,
    )
  })

  it('say roughly how long a run will take', () => {
    expect(aboutHowLong(30)).toBe(' (about 30 s)')
    expect(aboutHowLong(480)).toBe(' (about 8 min)')
    expect(aboutHowLong(undefined)).toBe('')
  })
})
