import { describe, expect, it } from 'vitest'
import { closest } from './closest.ts'
import { UsageError } from './errors.ts'
import { loadLessons, resolveExercise, resolveTarget } from './lessons.ts'

const lessons = loadLessons()

describe('resolveTarget', () => {
  it('finds a lesson by number, id or folder name', () => {
    for (const name of ['01', '1', 'blocking-server', '01-blocking-server']) {
      expect(resolveTarget(name, lessons).lesson.slug).toBe('01-blocking-server')
    }
  })

  it('finds an exercise by its id, alone or under its lesson', () => {
    expect(resolveTarget('parse-request', lessons).exercise?.file).toBe('parse-request.ts')
    expect(resolveTarget('blocking-server/measure', lessons).exercise?.id).toBe('measure')
  })

  it('names the closest valid name when it finds nothing', () => {
    expect(() => resolveTarget('parse-reqest', lessons)).toThrow(/did you mean "parse-request"/)
    expect(() => resolveTarget('42', lessons)).toThrow(/no lesson 42; the lessons are 01/)
  })

  it('asks for an exercise where a lesson is not enough', () => {
    expect(() => resolveExercise('01', lessons)).toThrow(UsageError)
  })
})

describe('closest', () => {
  it('prefers a name the word starts', () => {
    expect(closest('ver', ['status', 'verify', 'reset'])).toBe('verify')
    expect(closest('tset', ['status', 'test', 'reset'])).toBe('test')
  })
})

describe('every lesson.json', () => {
  it('names files and tests that exist, and ids that are unique', async () => {
    const { existsSync } = await import('node:fs')
    const { join } = await import('node:path')
    const ids = lessons.map((lesson) => lesson.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const lesson of lessons) {
      for (const exercise of lesson.exercises) {
        for (const folder of ['src', 'starter', 'solution']) {
          expect(
            existsSync(join(lesson.dir, folder, exercise.file)),
            `${folder}/${exercise.file}`,
          ).toBe(true)
        }
        for (const test of exercise.tests)
          expect(existsSync(join(lesson.dir, test)), test).toBe(true)
        expect(
          existsSync(join(lesson.dir, 'hints', `${exercise.id}.md`)),
          `hints/${exercise.id}.md`,
        ).toBe(true)
      }
    }
  })
})
