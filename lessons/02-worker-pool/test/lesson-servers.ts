import { fileURLToPath } from 'node:url'
import type { StartOptions } from '@course/common/harness'

const entry = (file: string) => fileURLToPath(new URL(`../bin/${file}`, import.meta.url))

/** The threaded server (exercise 3) of the implementation COURSE_IMPL chose. */
export function threadedServer(args: string[]): StartOptions {
  return { entry: entry('serve-threads.ts'), args, course: { lesson: '02', server: 'threads' } }
}

/** The process pool (exercise 1) of the implementation COURSE_IMPL chose. */
export function processPool(args: string[]): StartOptions {
  return { entry: entry('serve.ts'), args, course: { lesson: '02', server: 'processes' } }
}
