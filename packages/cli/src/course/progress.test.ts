import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { loadLessons } from '@course/lessons/course'
import { lessonFile, writeCourse } from '@course/lessons/fixture'
import { exercisePath, type Lesson } from '@course/lessons/lesson'
import { describe, expect, it } from 'vitest'
import { nextStep, unmetNeeds } from './next.ts'
import { exerciseProgress, recordRun } from './progress.ts'
import type { TestRun } from './run-tests.ts'
import { writeState } from './state.ts'

const exercise = (id: string, needs: string[] = []) => ({
  id,
  title: id,
  file: `${id}.ts`,
  tests: [`test/${id}.test.ts`],
  needs,
})

/** Two lessons; "serve" needs "parse". Every file starts as its starter. */
function course() {
  const root = writeCourse({
    '01-demo': lessonFile({ exercises: [exercise('parse'), exercise('serve', ['parse'])] }),
    '02-more': lessonFile({ id: 'more', number: '02', exercises: [exercise('pool')] }),
  })
  const lessons = loadLessons(root)
  for (const lesson of lessons) {
    for (const each of lesson.exercises) {
      for (const folder of ['src', 'starter'] as const) {
        const path = exercisePath(lesson, each, folder)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, 'starter\n')
      }
    }
  }
  return { root, lessons, one: lessons[0] as Lesson, two: lessons[1] as Lesson }
}

/** A run in which every test of `passing` passed and every other one failed. */
function run(lesson: Lesson, passing: string[]): TestRun {
  return {
    outcomes: lesson.exercises.flatMap((each) =>
      each.tests.map((file) => ({
        file,
        name: 'works',
        status: passing.includes(each.id) ? ('passed' as const) : ('failed' as const),
        durationMs: 1,
      })),
    ),
    fileErrors: [],
    figures: [],
    durationMs: 1,
  }
}

const edit = (lesson: Lesson, index: number, text: string) =>
  writeFileSync(exercisePath(lesson, lesson.exercises[index]!, 'src'), text)

describe('progress', () => {
  it('notices that a file an exercise needs changed since it passed', () => {
    const { root, lessons, one } = course()
    edit(one, 0, 'parse v1\n')
    edit(one, 1, 'serve v1\n')
    recordRun(one, one.exercises, run(one, ['parse', 'serve']), lessons, root)
    const serve = one.exercises[1]!
    expect(exerciseProgress(one, serve, root)).toEqual({ state: 'passed', changed: [] })

    edit(one, 0, 'parse v2\n')
    expect(exerciseProgress(one, serve, root)).toEqual({
      state: 'changed',
      changed: ['lessons/01-demo/src/parse.ts'],
    })
    // Its own file edited since it passed: changed too, not merely "in progress".
    expect(exerciseProgress(one, one.exercises[0]!, root)).toEqual({
      state: 'changed',
      changed: ['lessons/01-demo/src/parse.ts'],
    })
  })

  it('still reads a result recorded under an exercise\u2019s former id, as progress did before', () => {
    const root = writeCourse({
      '01-demo': lessonFile({ exercises: [{ ...exercise('serve-one'), formerIds: ['serve'] }] }),
    })
    const [lesson] = loadLessons(root)
    const only = lesson?.exercises[0]
    if (!lesson || !only) throw new Error('no exercise')
    for (const folder of ['src', 'starter'] as const)
      mkdirSync(dirname(exercisePath(lesson, only, folder)), { recursive: true })
    writeFileSync(exercisePath(lesson, only, 'starter'), 'starter\n')
    writeFileSync(exercisePath(lesson, only, 'src'), 'mine\n')
    const hash = createHash('sha256').update('mine\n').digest('hex')
    const old = { status: 'passed', hash, passed: 1, failed: 0, at: '2026-11-01T00:00:00Z' }
    writeState('progress.json', { 'demo/serve': old }, root)
    expect(exerciseProgress(lesson, only, root).state).toBe('passed')

    writeFileSync(exercisePath(lesson, only, 'src'), 'mine, edited\n')
    expect(exerciseProgress(lesson, only, root).state).toBe('changed')
  })
})

describe('the next step', () => {
  it('starts at the first exercise, and sends the learner to what an exercise needs first', () => {
    const { root, lessons, one } = course()
    expect(nextStep(lessons, root)?.exercise.id).toBe('parse')
    expect(unmetNeeds(one.exercises[1]!, lessons, root).map((need) => need.exercise.id)).toEqual([
      'parse',
    ])
  })

  it('follows the lesson the learner ran tests of last', () => {
    const { root, lessons, one, two } = course()
    edit(two, 0, 'pool v1\n')
    recordRun(two, two.exercises, run(two, []), lessons, root)
    expect(nextStep(lessons, root)).toMatchObject({ lesson: { id: 'more' }, number: 1 })

    recordRun(two, two.exercises, run(two, ['pool']), lessons, root)
    // Lesson 02 done: back round to what lesson 01 still lacks.
    expect(nextStep(lessons, root)?.exercise.id).toBe('parse')

    edit(one, 0, 'parse v1\n')
    edit(one, 1, 'serve v1\n')
    recordRun(one, one.exercises, run(one, ['parse', 'serve']), lessons, root)
    expect(nextStep(lessons, root)).toBeUndefined()
  })
})
