// Reads what a learner typed. A lesson: "01", "1", "blocking-server" or
// "01-blocking-server". An exercise: "parse-request", or
// "blocking-server/parse-request". Every name means one thing (see course.ts).
import { closest } from './closest.ts'
import { UnknownNameError } from './errors.ts'
import type { Exercise, Lesson } from './lesson.ts'

export interface Target {
  lesson: Lesson
  /** Absent when the whole lesson was named. */
  exercise?: Exercise
}

function namesOf(lessons: Lesson[]): Map<string, Target> {
  const names = new Map<string, Target>()
  for (const lesson of lessons) {
    for (const key of [lesson.number, String(Number(lesson.number)), lesson.id, lesson.slug]) {
      names.set(key, { lesson })
    }
    for (const exercise of lesson.exercises) {
      names.set(exercise.id, { lesson, exercise })
      names.set(`${lesson.id}/${exercise.id}`, { lesson, exercise })
    }
  }
  return names
}

export function resolveTarget(name: string, lessons: Lesson[]): Target {
  const names = namesOf(lessons)
  const found = names.get(name)
  if (found) return found
  if (/^\d+$/.test(name)) {
    const numbers = lessons.map((lesson) => lesson.number).join(', ')
    throw new UnknownNameError(
      `there is no lesson ${name}; the lessons are ${numbers} (pnpm start lists them)`,
    )
  }
  const suggestion = closest(
    name,
    [...names.keys()].filter((key) => !/^\d+$/.test(key)),
  )
  throw new UnknownNameError(
    `no lesson or exercise named "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (pnpm start lists them)`,
  )
}

export function resolveExercise(name: string, lessons: Lesson[]): Required<Target> {
  const target = resolveTarget(name, lessons)
  if (!target.exercise) {
    const ids = target.lesson.exercises.map((exercise) => exercise.id).join(', ')
    throw new UnknownNameError(`"${name}" is a lesson; name one of its exercises: ${ids}`)
  }
  return { lesson: target.lesson, exercise: target.exercise }
}

/** Finds an exercise by id anywhere in the course. */
export function findExercise(id: string, lessons: Lesson[]): Required<Target> | undefined {
  for (const lesson of lessons) {
    const exercise = lesson.exercises.find((each) => each.id === id)
    if (exercise) return { lesson, exercise }
  }
  return undefined
}
