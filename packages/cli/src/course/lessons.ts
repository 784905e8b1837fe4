// The course's table of contents, read from each lesson's lesson.json. Every
// command finds lessons and exercises here, by their stable ids.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { closest } from './closest.ts'
import { UsageError } from './errors.ts'

export interface Mutant {
  id: string
  why: string
  file: string
  find: string
  replace: string
  mustFail: { test: string; name: string }
}

export interface Exercise {
  id: string
  title: string
  /** The file the learner edits, under src/ (its twins live in starter/ and solution/). */
  file: string
  tests: string[]
  needs?: string[]
}

export interface Lesson {
  id: string
  number: string
  title: string
  summary: string
  exercises: Exercise[]
  mutants: Mutant[]
  /** How long each of bench/*.bench.ts takes, by name, so the short ones run first. */
  benches?: Record<string, { seconds: number }>
  /** The lesson's servers by name, each an entry file; the first is the default. */
  servers: Record<string, string>
  /** Absolute path of the lesson's folder. */
  dir: string
  /** The folder's name, e.g. 01-blocking-server. */
  slug: string
}

/** The repository this command belongs to. */
export const courseRoot = fileURLToPath(new URL('../../../../', import.meta.url))

export function loadLessons(root = courseRoot): Lesson[] {
  const lessonsDir = join(root, 'lessons')
  return readdirSync(lessonsDir)
    .filter((slug) => existsSync(join(lessonsDir, slug, 'lesson.json')))
    .sort()
    .map((slug) => {
      const dir = join(lessonsDir, slug)
      const meta = JSON.parse(readFileSync(join(dir, 'lesson.json'), 'utf8')) as Omit<
        Lesson,
        'dir' | 'slug'
      >
      const servers = meta.servers ?? { server: 'bin/serve.ts' }
      return { ...meta, mutants: meta.mutants ?? [], servers, dir, slug }
    })
}

export interface Target {
  lesson: Lesson
  /** Absent when the whole lesson was named. */
  exercise?: Exercise
}

/**
 * Reads what a learner typed: a lesson ("01", "1", "blocking-server",
 * "01-blocking-server") or an exercise ("parse-request",
 * "blocking-server/parse-request").
 */
export function resolveTarget(name: string, lessons: Lesson[]): Target {
  const names = new Map<string, Target>()
  for (const lesson of lessons) {
    for (const key of [lesson.number, String(Number(lesson.number)), lesson.id, lesson.slug]) {
      names.set(key, { lesson })
    }
    for (const exercise of lesson.exercises) {
      names.set(`${lesson.id}/${exercise.id}`, { lesson, exercise })
      if (!names.has(exercise.id)) names.set(exercise.id, { lesson, exercise })
    }
  }
  const found = names.get(name)
  if (found) return found
  if (/^\d+$/.test(name)) {
    const numbers = lessons.map((lesson) => lesson.number).join(', ')
    throw new UsageError(
      `there is no lesson ${name}; the lessons are ${numbers} (pnpm course status lists them)`,
    )
  }
  const suggestion = closest(
    name,
    [...names.keys()].filter((key) => !/^\d+$/.test(key)),
  )
  throw new UsageError(
    `no lesson or exercise named "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (pnpm course status lists them)`,
  )
}

export function resolveExercise(name: string, lessons: Lesson[]): Required<Target> {
  const target = resolveTarget(name, lessons)
  if (!target.exercise) {
    const ids = target.lesson.exercises.map((exercise) => exercise.id).join(', ')
    throw new UsageError(`"${name}" is a lesson; name one of its exercises: ${ids}`)
  }
  return { lesson: target.lesson, exercise: target.exercise }
}

export const exercisePath = (
  lesson: Lesson,
  exercise: Exercise,
  folder: 'src' | 'starter' | 'solution',
) => join(lesson.dir, folder, exercise.file)

/** The entry file of one of a lesson's servers (the first one when no name is given). */
export function serverEntry(lesson: Lesson, name?: string): string {
  const names = Object.keys(lesson.servers)
  const chosen = name ?? names[0] ?? 'server'
  const entry = lesson.servers[chosen]
  if (!entry) {
    throw new UsageError(
      `lesson ${lesson.number} has no server "${chosen}"; it has: ${names.join(', ')}`,
    )
  }
  return join(lesson.dir, entry)
}
