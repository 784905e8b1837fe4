import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from './course.ts'
import { LessonFileError } from './errors.ts'
import { lessonFile, writeCourse } from './fixture.ts'
import { serverEntry } from './servers.ts'

const refusal = (lessons: Record<string, unknown>) => {
  try {
    loadLessons(writeCourse(lessons))
  } catch (error) {
    expect(error).toBeInstanceOf(LessonFileError)
    return (error as Error).message
  }
  throw new Error('the course loaded')
}

describe('every lesson.json of the course', () => {
  const lessons = loadLessons()

  it('names files, tests, hints and servers that exist', () => {
    for (const lesson of lessons) {
      for (const exercise of lesson.exercises) {
        for (const folder of ['src', 'starter', 'solution']) {
          const file = join(lesson.dir, folder, exercise.file)
          expect(existsSync(file), file).toBe(true)
        }
        for (const test of exercise.tests)
          expect(existsSync(join(lesson.dir, test)), test).toBe(true)
        const hints = join(lesson.dir, 'hints', `${exercise.id}.md`)
        expect(existsSync(hints), hints).toBe(true)
      }
      for (const entry of Object.values(lesson.servers))
        expect(existsSync(join(lesson.dir, entry)), entry).toBe(true)
      for (const mutant of lesson.mutants)
        expect(existsSync(join(lesson.dir, mutant.mustFail.test)), mutant.id).toBe(true)
    }
  })
})

describe('loadLessons', () => {
  it('reads a valid lesson, filling in what is optional', () => {
    const [lesson] = loadLessons(writeCourse({ '01-demo': lessonFile() }))
    expect(lesson).toMatchObject({ slug: '01-demo', mutants: [], servers: {}, bench: [] })
    expect(lesson?.exercises[0]).toMatchObject({ needs: [], formerIds: [] })
  })

  it('tolerates fields it does not know, and reads benchmarks with their expected minutes', () => {
    const [lesson] = loadLessons(
      writeCourse({
        '01-demo': lessonFile({
          futureField: true,
          bench: [{ id: 'staircase', file: 'bench/staircase.bench.ts', minutes: 0.5 }],
        }),
      }),
    )
    expect(lesson?.bench).toEqual([
      { id: 'staircase', file: 'bench/staircase.bench.ts', minutes: 0.5 },
    ])
  })

  it('refuses a bad field with one line naming the file and the field', () => {
    const message = refusal({
      '01-demo': lessonFile({
        exercises: [{ id: 'add', title: 'Add', file: 'add.ts', tests: 'test/add.test.ts' }],
      }),
    })
    expect(message).toBe(
      'lessons/01-demo/lesson.json: field "exercises[0].tests" should be Array, got "test/add.test.ts"',
    )
  })

  it('names a missing field, an id that is not kebab-case and a file outside the lesson', () => {
    const { title: _title, ...untitled } = lessonFile()
    expect(refusal({ '01-demo': untitled })).toMatch(/lesson.json: field "title" is missing/)
    expect(refusal({ '01-demo': lessonFile({ id: 'Demo Lesson' }) })).toMatch(
      /field "id" must be lower-case words joined by "-"/,
    )
    expect(refusal({ '01-demo': lessonFile({ servers: { server: '../../evil.ts' } }) })).toMatch(
      /field "servers.server" must be a path inside the lesson/,
    )
  })

  it('refuses a file that is not JSON, naming it', () => {
    expect(refusal({ '01-demo': '{ "id": ' })).toMatch(
      /^lessons\/01-demo\/lesson.json: is not valid JSON/,
    )
  })

  it('refuses an exercise named like its lesson, or like another exercise anywhere', () => {
    const twin = lessonFile({
      exercises: [{ id: 'demo', title: 'Demo', file: 'demo.ts', tests: ['test/demo.test.ts'] }],
    })
    expect(refusal({ '01-demo': twin })).toBe(
      'lessons/01-demo/lesson.json: "demo" names both lesson 01 and exercise demo of lesson 01; rename one of them',
    )
    expect(
      refusal({ '01-demo': lessonFile(), '02-other': lessonFile({ id: 'other', number: '02' }) }),
    ).toMatch(/"add" names both exercise add of lesson 01 and exercise add of lesson 02/)
  })

  it('refuses a needs that names no exercise', () => {
    const needy = lessonFile({
      exercises: [
        { id: 'add', title: 'Add', file: 'add.ts', tests: ['t.ts'], needs: ['subtract'] },
      ],
    })
    expect(refusal({ '01-demo': needy })).toMatch(
      /field "exercises\[0\].needs\[0\]" names "subtract", which is no exercise of the course/,
    )
  })
})

describe('a lesson without servers', () => {
  it('is a valid lesson, and asking for its server is a one-line error', () => {
    const root = writeCourse({ '04-loop': lessonFile({ id: 'loop', number: '04' }) })
    writeFileSync(join(root, 'lessons', '04-loop', 'README.md'), '# no servers here\n')
    const [lesson] = loadLessons(root)
    if (!lesson) throw new Error('no lesson')
    expect(() => serverEntry(lesson)).toThrow(
      /^lesson 04 has no server to start \(its lesson.json names none\)/,
    )
  })
})

describe('benchmarksOf', () => {
  it('runs the benchmarks lesson.json lists, shortest first, else every bench/*.bench.ts', async () => {
    const { benchmarksOf } = await import('./benchmarks.ts')
    const listed = writeCourse({
      '01-demo': lessonFile({
        bench: [
          { id: 'long', file: 'bench/long.bench.ts', minutes: 10 },
          { id: 'unknown', file: 'bench/unknown.bench.ts' },
          { id: 'short', file: 'bench/short.bench.ts', minutes: 0.5 },
        ],
      }),
    })
    const [lesson] = loadLessons(listed)
    expect(lesson && benchmarksOf(lesson).map((each) => each.id)).toEqual([
      'short',
      'long',
      'unknown',
    ])

    const found = loadLessons().find((each) => each.number === '01')
    expect(found && benchmarksOf(found)).toContainEqual(
      expect.objectContaining({ id: 'staircase', file: 'bench/staircase.bench.ts' }),
    )
  })
})
