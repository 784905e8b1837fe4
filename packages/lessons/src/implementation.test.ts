import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseImplementation, implementationDir } from './implementation.ts'

describe('the implementation switch', () => {
  it('runs the reference with --solution, else what COURSE_IMPL says, else the learner\u2019s code', () => {
    expect(chooseImplementation(true, { COURSE_IMPL: tmpdir() })).toBe('solution')
    expect(chooseImplementation(false, { COURSE_IMPL: tmpdir() })).toBe(tmpdir())
    expect(chooseImplementation(undefined, {})).toBe('exercise')
    expect(chooseImplementation(undefined, { COURSE_IMPL: '' })).toBe('exercise')
  })

  it('refuses a COURSE_IMPL that names no implementation, saying how to fix it', () => {
    expect(() => chooseImplementation(false, { COURSE_IMPL: 'soluton' })).toThrow(
      'COURSE_IMPL must be "exercise", "solution" or the absolute path of an existing folder, got "soluton"; unset it to run your code',
    )
  })

  it('maps each choice to a folder, and refuses one that does not exist', () => {
    expect(implementationDir('/lesson', 'exercise')).toBe(join('/lesson', 'src'))
    expect(implementationDir('/lesson', 'solution')).toBe(join('/lesson', 'solution'))
    expect(() => implementationDir('/lesson', 'nope')).toThrow(/COURSE_IMPL must be/)
  })
})
