// Where the course keeps its own state: .course/ at the root, ignored by git.
// Progress, hint counters and the backups made by reset all live here.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { courseRoot } from '@course/lessons/course'

export const stateDir = (root = courseRoot) => join(root, '.course')

export function readState<T>(name: string, fallback: T, root = courseRoot): T {
  const path = join(stateDir(root), name)
  if (!existsSync(path)) return fallback
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch {
    return fallback
  }
}

export function writeState(name: string, value: unknown, root = courseRoot): void {
  const path = join(stateDir(root), name)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}
