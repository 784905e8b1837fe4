import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from './course.ts'
import { lessonFile, writeCourse } from './fixture.ts'
import { dependencyFiles, needsOf } from './needs.ts'

const exercise = (id: string, needs: string[] = []) => ({
  id,
  title: id,
  file: `${id}.ts`,
  tests: [`test/${id}.test.ts`],
  needs,
})

describe('needs', () => {
  const root = writeCourse({
    '01-demo': lessonFile({ exercises: [exercise('parse'), exercise('serve', ['parse'])] }),
    '02-more': lessonFile({
      id: 'more',
      number: '02',
      exercises: [exercise('pool', ['serve']), exercise('again', ['serve', 'parse'])],
    }),
  })
  const lessons = loadLessons(root)
  const [first, second] = lessons
  if (!first || !second) throw new Error('fixture lost a lesson')

  it('finds what an exercise needs, in this lesson or another', () => {
    expect(needsOf(second.exercises[0]!, lessons).map((need) => need.exercise.id)).toEqual([
      'serve',
    ])
  })

  it('lists the files a result depends on: its own, then its needs, all the way down, each once', () => {
    expect(dependencyFiles(second, second.exercises[1]!, lessons)).toEqual([
      join(root, 'lessons/02-more/src/again.ts'),
      join(root, 'lessons/01-demo/src/serve.ts'),
      join(root, 'lessons/01-demo/src/parse.ts'),
    ])
    expect(dependencyFiles(first, first.exercises[0]!, lessons)).toEqual([
      join(root, 'lessons/01-demo/src/parse.ts'),
    ])
  })
})
