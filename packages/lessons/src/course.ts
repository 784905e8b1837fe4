// The whole course: every lesson under lessons/, and the promise that any
// lesson or exercise can be named by its id alone, because no two ids (and no
// id and lesson number or folder) are the same anywhere in the course.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonFileError } from './errors.ts'
import { type Lesson, loadLesson } from './lesson.ts'

/**
 * The repository's root. COURSE_ROOT moves it, so the course command's own
 * tests can run it on a small course of their own.
 */
export const courseRoot =
  process.env.COURSE_ROOT || fileURLToPath(new URL('../../../', import.meta.url))

/** Every lesson of the course, in order, each checked, and checked against the others. */
export function loadLessons(root = courseRoot): Lesson[] {
  const lessonsDir = join(root, 'lessons')
  const lessons = readdirSync(lessonsDir)
    .filter((slug) => existsSync(join(lessonsDir, slug, 'lesson.json')))
    .sort()
    .map((slug) => loadLesson(join(lessonsDir, slug), root))
  checkNames(lessons)
  return lessons
}

/** Refuses a course where one name would mean two things, or a `needs` that names nothing. */
function checkNames(lessons: Lesson[]): void {
  const owner = new Map<string, string>()
  const claim = (name: string, what: string, lesson: Lesson) => {
    // "blocking-server/serve-one-at-a-time" style names make any exercise reachable,
    // but a learner types the short one, and it must mean one thing.
    const previous = owner.get(name)
    if (previous) {
      throw new LessonFileError(
        `lessons/${lesson.slug}/lesson.json: "${name}" names both ${previous} and ${what}; rename one of them`,
      )
    }
    owner.set(name, what)
  }
  for (const lesson of lessons) {
    const what = `lesson ${lesson.number}`
    for (const name of new Set([lesson.id, lesson.number, lesson.slug])) claim(name, what, lesson)
  }
  for (const lesson of lessons) {
    for (const exercise of lesson.exercises) {
      claim(exercise.id, `exercise ${exercise.id} of lesson ${lesson.number}`, lesson)
    }
  }
  for (const lesson of lessons) {
    for (const [index, exercise] of lesson.exercises.entries()) {
      for (const [at, need] of exercise.needs.entries()) {
        if (!owner.get(need)?.startsWith('exercise ')) {
          throw new LessonFileError(
            `lessons/${lesson.slug}/lesson.json: field "exercises[${index}].needs[${at}]" names "${need}", which is no exercise of the course`,
          )
        }
      }
    }
  }
}
