// What the learner should do next: the first exercise not yet passing in the
// lesson they are working on (the one they ran tests of last), then in the
// lessons after it, then in those before. An exercise whose needs do not pass
// yet sends them to the need first.
import { courseRoot } from '@course/lessons/course'
import type { Exercise, Lesson } from '@course/lessons/lesson'
import { needsOf } from '@course/lessons/needs'
import { exerciseState, recentLesson } from './progress.ts'

export interface NextStep {
  lesson: Lesson
  exercise: Exercise
  /** 1-based, as the chapter counts: "Exercise 2". */
  number: number
}

const passes = (lesson: Lesson, exercise: Exercise, root: string) =>
  exerciseState(lesson, exercise, root) === 'passed'

/** The exercises `exercise` needs that do not pass yet, nearest first. */
export function unmetNeeds(
  exercise: Exercise,
  lessons: Lesson[],
  root = courseRoot,
): Array<{ lesson: Lesson; exercise: Exercise }> {
  return needsOf(exercise, lessons).filter((need) => !passes(need.lesson, need.exercise, root))
}

export function nextStep(lessons: Lesson[], root = courseRoot): NextStep | undefined {
  const recent = lessons.findIndex((lesson) => lesson.id === recentLesson(root))
  const start = Math.max(recent, 0)
  const order = [...lessons.slice(start), ...lessons.slice(0, start)]
  for (const lesson of order) {
    const exercise = lesson.exercises.find((each) => !passes(lesson, each, root))
    if (exercise) return readyStep(lesson, exercise, lessons, root)
  }
  return undefined
}

/** `exercise`, or the first of its needs (and theirs) that does not pass yet. */
export function readyStep(
  lesson: Lesson,
  exercise: Exercise,
  lessons: Lesson[],
  root = courseRoot,
  seen = new Set<string>(),
): NextStep {
  seen.add(exercise.id)
  const need = unmetNeeds(exercise, lessons, root).find((each) => !seen.has(each.exercise.id))
  if (need) return readyStep(need.lesson, need.exercise, lessons, root, seen)
  return { lesson, exercise, number: lesson.exercises.indexOf(exercise) + 1 }
}
