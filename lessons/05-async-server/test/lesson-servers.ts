import { fileURLToPath } from 'node:url'
import type { StartOptions } from '@course/common/harness'

const entry = (file: string) => fileURLToPath(new URL(file, import.meta.url))

/** The Koa server (exercise 1) of the implementation COURSE_IMPL chose, with its options. */
export function koaServer(args: string[] = []): StartOptions {
  return { entry: entry('../bin/serve-koa.ts'), args, course: { lesson: '05', server: 'koa' } }
}

/** The Hono server (exercise 2) of the implementation COURSE_IMPL chose. */
export function honoServer(args: string[] = []): StartOptions {
  return { entry: entry('../bin/serve-hono.ts'), args, course: { lesson: '05', server: 'hono' } }
}

/** Lesson 01's reference blocking server, to compare one request with. */
export function blockingServer(): StartOptions {
  return {
    entry: entry('./fixtures/serve-blocking.ts'),
    env: { COURSE_IMPL: 'solution' },
    course: { lesson: '01' },
  }
}
