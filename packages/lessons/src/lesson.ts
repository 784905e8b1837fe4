// One lesson: its lesson.json, validated, plus where it lives on disk.
import { readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { LessonFileError } from './errors.ts'
import { checkLessonFile, type LessonFile } from './schema.ts'

export type Exercise = LessonFile['exercises'][number]
export type Mutant = LessonFile['mutants'][number]
export type Bench = LessonFile['bench'][number]

export interface Lesson extends LessonFile {
  /** Absolute path of the lesson's folder. */
  dir: string
  /** The folder's name, e.g. 01-blocking-server. */
  slug: string
}

/** Reads and checks `<dir>/lesson.json`; `root` only shortens the file's name in errors. */
export function loadLesson(dir: string, root = dir): Lesson {
  const path = join(dir, 'lesson.json')
  const shown = relative(root, path) || path
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new LessonFileError(
      `${shown}: cannot be read (${code}); check the file exists and is readable`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new LessonFileError(`${shown}: is not valid JSON (${(error as Error).message})`)
  }
  const checked = checkLessonFile(data)
  if (!checked.ok) throw new LessonFileError(`${shown}: ${checked.problem}`)
  return { ...checked.lesson, dir, slug: basename(dir) }
}

export type ExerciseFolder = 'src' | 'starter' | 'solution'

/** An exercise's file in one of its three folders. */
export const exercisePath = (lesson: Lesson, exercise: Exercise, folder: ExerciseFolder) =>
  join(lesson.dir, folder, exercise.file)
