import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseImplementation, implementationDir } from './implementation.ts'

describe('the implementation switch', () => {
  it('runs the reference with --solution, else what COURSE_IMPL says, else the learner\u2019s code', () => {
    expect(chooseImplementation(true, { COURSE_IMPL: '/tmp/mutant' })).toBe('solution')
    expect(chooseImplementation(false, { COURSE_IMPL: '/tmp/mutant' })).toBe('/tmp/mutant')
    expect(chooseImplementation(undefined, {})).toBe('exercise')
  })

  it('maps each choice to a folder, and refuses one that does not exist', () => {
    expect(implementationDir('/lesson', 'exercise')).toBe(join('/lesson', 'src'))
    expect(implementationDir('/lesson', 'solution')).toBe(join('/lesson', 'solution'))
    expect(() => implementationDir('/lesson', 'nope')).toThrow(/COURSE_IMPL must be/)
  })
})
