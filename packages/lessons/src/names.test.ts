import { describe, expect, it } from 'vitest'
import { closest } from './closest.ts'
import { loadLessons } from './course.ts'
import { UnknownNameError } from './errors.ts'
import { resolveExercise, resolveTarget } from './names.ts'

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
    expect(resolveTarget('serve-one-at-a-time', lessons).exercise?.file).toBe('blocking-server.ts')
  })

  it('names the closest valid name when it finds nothing', () => {
    expect(() => resolveTarget('parse-reqest', lessons)).toThrow(/did you mean "parse-request"/)
    expect(() => resolveTarget('42', lessons)).toThrow(/no lesson 42; the lessons are 01/)
  })

  it('asks for an exercise where a lesson is not enough, without offering the lesson again', () => {
    expect(() => resolveExercise('01', lessons)).toThrow(UnknownNameError)
    expect(() => resolveExercise('blocking-server', lessons)).toThrow(
      /"blocking-server" is a lesson; name one of its exercises: parse-request, serve-one-at-a-time, measure, header-deadline$/,
    )
  })
})

describe('closest', () => {
  it('prefers a name the word starts', () => {
    expect(closest('ver', ['status', 'verify', 'reset'])).toBe('verify')
    expect(closest('tset', ['status', 'test', 'reset'])).toBe('test')
  })

  it('never suggests the very name that was refused', () => {
    expect(closest('blocking-server', ['blocking-server', 'blocking-servers'])).toBe(
      'blocking-servers',
    )
    expect(closest('test', ['test'])).toBeUndefined()
  })
})
