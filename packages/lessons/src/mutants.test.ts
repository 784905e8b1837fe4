import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from './course.ts'
import type { Mutant } from './lesson.ts'
import { mutantImplementation, mutate } from './mutants.ts'

const mutant = (find: string, replace: string): Mutant => ({
  id: 'm',
  why: '',
  file: 'x.ts',
  find,
  replace,
  mustFail: { test: 't', name: 'n' },
})

describe('mutate', () => {
  it('replaces the one occurrence of its text', () => {
    expect(mutate('a + b', mutant('+', '-'))).toBe('a - b')
  })

  it('refuses text that is missing or occurs twice, so a mutant cannot rot silently', () => {
    expect(() => mutate('a + b', mutant('*', '-'))).toThrow(/exactly once/)
    expect(() => mutate('a + b + c', mutant('+', '-'))).toThrow(/exactly once/)
  })
})

describe('every mutant of every lesson', () => {
  for (const lesson of loadLessons()) {
    for (const each of lesson.mutants) {
      it(`${lesson.number} ${each.id} applies to the reference and changes it`, () => {
        const implementation = mutantImplementation(lesson, each)
        try {
          const mutated = readFileSync(join(implementation.dir, each.file), 'utf8')
          const reference = readFileSync(join(lesson.dir, 'solution', each.file), 'utf8')
          expect(mutated).not.toBe(reference)
          expect(mutated).toContain(each.replace)
        } finally {
          implementation.remove()
        }
      })
    }
  }
})
