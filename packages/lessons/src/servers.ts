// A lesson's servers, as its lesson.json names them. A lesson may have none
// (lesson 04's scheduler never speaks HTTP): then there is nothing to serve.
import { join } from 'node:path'
import { UnknownNameError } from './errors.ts'
import type { Lesson } from './lesson.ts'

export const serverNames = (lesson: Lesson): string[] => Object.keys(lesson.servers)

/** The entry file of one of a lesson's servers (the first one when no name is given). */
export function serverEntry(lesson: Lesson, name?: string): string {
  const names = serverNames(lesson)
  const [first] = names
  if (!first) {
    throw new UnknownNameError(
      `lesson ${lesson.number} has no server to start (its lesson.json names none); its exercises run with pnpm course test ${lesson.number}`,
    )
  }
  const chosen = name ?? first
  const entry = lesson.servers[chosen]
  if (!entry) {
    throw new UnknownNameError(
      `lesson ${lesson.number} has no server "${chosen}"; it has: ${names.join(', ')}`,
    )
  }
  return join(lesson.dir, entry)
}
