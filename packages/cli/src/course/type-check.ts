// The tests run the learner's code with its types stripped, so a file can
// pass every test and still fail `pnpm typecheck`, which CI runs. After a
// pass, `course test` checks the lesson's types and names the errors in the
// exercise's own file: the learner hears of them now, not from CI.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Exercise, Lesson } from '@course/lessons/lesson'
import { runNode } from './child.ts'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

/**
 * tsc's errors in the exercise's file, one line each as tsc prints them
 * (paths from the lesson's folder): none when it is clean, undefined when the
 * lesson has no tsconfig.json to check with (the CLI's own test fixtures).
 */
export async function typeErrors(
  lesson: Lesson,
  exercise: Exercise,
): Promise<string[] | undefined> {
  if (!existsSync(join(lesson.dir, 'tsconfig.json'))) return undefined
  let output = ''
  await runNode([tsc, '--noEmit', '--pretty', 'false', '-p', lesson.dir], {
    cwd: lesson.dir,
    stdio: ['ignore', 'pipe', 'inherit'],
    onStdout: (text) => {
      output += text
    },
  })
  const file = `src/${exercise.file}`
  return output.split('\n').filter((line) => line.startsWith(`${file}(`))
}
