import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadLessons } from '@course/lessons/course'
import { exercisePath } from '@course/lessons/lesson'
import { describe, expect, it } from 'vitest'
import { backedUpFile, backUp, isUntouched, listBackups } from './backups.ts'
import { makeCourse } from './fixture.ts'
import { exerciseState } from './progress.ts'

describe('backups', () => {
  it('keep the learner\u2019s file before a reset, and can bring it back', () => {
    const root = makeCourse()
    const [lesson] = loadLessons(root)
    const exercise = lesson?.exercises[0]
    if (!lesson || !exercise) throw new Error('fixture has no exercise')
    const mine = exercisePath(lesson, exercise, 'src')
    expect(isUntouched(lesson, exercise)).toBe(true)
    expect(exerciseState(lesson, exercise, root)).toBe('not started')

    writeFileSync(mine, 'export const add = (a, b) => a + b // my work\n')
    expect(isUntouched(lesson, exercise)).toBe(false)
    expect(exerciseState(lesson, exercise, root)).toBe('in progress')

    const stamp = backUp(root, lesson, exercise, new Date('2026-01-02T03:04:05.678Z'))
    expect(stamp).toBe('2026-01-02T03-04-05-678Z')
    cpSync(exercisePath(lesson, exercise, 'starter'), mine)
    expect(isUntouched(lesson, exercise)).toBe(true)

    expect(listBackups(root)).toEqual([{ stamp, files: ['01-demo/add.ts'] }])
    const saved = backedUpFile(root, stamp ?? '', lesson, exercise)
    expect(saved && readFileSync(saved, 'utf8')).toContain('// my work')
    expect(backedUpFile(root, 'no-such-stamp', lesson, exercise)).toBeUndefined()
    expect(join(root, '.course')).toBe(saved?.slice(0, join(root, '.course').length))
  })
})
