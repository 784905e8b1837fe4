// What an exercise builds on. "serve-one-at-a-time" runs the learner's
// parse-request, so it cannot pass before parse-request does, and a change to
// parse-request.ts can break it after it passed.
import { type Exercise, exercisePath, type Lesson } from './lesson.ts'
import { findExercise, type Target } from './names.ts'

/** The exercises this one names in `needs`, in order (not theirs in turn). */
export function needsOf(exercise: Exercise, lessons: Lesson[]): Required<Target>[] {
  return exercise.needs.flatMap((id) => findExercise(id, lessons) ?? [])
}

/**
 * The learner's files this exercise's result depends on: its own, then those
 * of everything it needs, all the way down, each once.
 */
export function dependencyFiles(lesson: Lesson, exercise: Exercise, lessons: Lesson[]): string[] {
  const files: string[] = []
  const seen = new Set<string>()
  const visit = (target: Required<Target>) => {
    if (seen.has(target.exercise.id)) return
    seen.add(target.exercise.id)
    files.push(exercisePath(target.lesson, target.exercise, 'src'))
    for (const need of needsOf(target.exercise, lessons)) visit(need)
  }
  visit({ lesson, exercise })
  return files
}
