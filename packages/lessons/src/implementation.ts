// The one switch between the learner's code and the reference solution. Tests,
// `course serve` and benchmarks all load a lesson's code through it, so
// `COURSE_IMPL=solution` means the same thing everywhere. Servers and pool
// threads load this file: it imports nothing but Node.
import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { UnknownNameError } from './errors.ts'

export const IMPLEMENTATION_ENV = 'COURSE_IMPL'

/** "exercise" (the learner's src/), "solution", or the absolute path of a folder. */
export type ImplementationChoice = 'exercise' | 'solution' | (string & {})

/**
 * What a command should run: the reference when asked with --solution,
 * otherwise whatever COURSE_IMPL already says, otherwise the learner's code.
 */
export function chooseImplementation(
  solution: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ImplementationChoice {
  if (solution) return 'solution'
  const choice = env[IMPLEMENTATION_ENV] || 'exercise'
  if (!isChoice(choice))
    throw new UnknownNameError(`${choiceProblem(choice)}; unset it to run your code`)
  return choice
}

const isChoice = (choice: string) =>
  choice === 'exercise' || choice === 'solution' || (isAbsolute(choice) && existsSync(choice))

const choiceProblem = (choice: string) =>
  `${IMPLEMENTATION_ENV} must be "exercise", "solution" or the absolute path of an existing folder, got "${choice}"`

/** The environment that makes a child process run `choice`. */
export const implementationEnv = (choice: ImplementationChoice) => ({
  [IMPLEMENTATION_ENV]: choice,
})

/**
 * Where a lesson's implementation lives: `src/` (the learner's exercises,
 * the default), `solution/` (the reference), or any absolute folder holding
 * the same files (a mutant, a starter or a student's checkout, for
 * `course verify` and `course grade`).
 */
export function implementationDir(
  lessonRoot: string,
  choice: ImplementationChoice = process.env[IMPLEMENTATION_ENV] || 'exercise',
): string {
  if (choice === 'exercise') return join(lessonRoot, 'src')
  if (choice === 'solution') return join(lessonRoot, 'solution')
  if (isChoice(choice)) return choice
  throw new Error(choiceProblem(choice))
}

export interface LessonImplementation {
  dir: string
  /** Imports one file of the chosen implementation, e.g. `load('parse-request.ts')`. */
  load<T>(file: string): Promise<T>
}

/** `lessonUrl` is the `import.meta.url` of a file at the lesson's root. */
export function lessonImplementation(lessonUrl: string): LessonImplementation {
  const dir = implementationDir(fileURLToPath(new URL('.', lessonUrl)))
  return {
    dir,
    load: <T>(file: string) => import(pathToFileURL(join(dir, file)).href) as Promise<T>,
  }
}
