import { fileURLToPath } from 'node:url'
import type { StartOptions } from '@course/common/harness'

const entry = (file: string) => fileURLToPath(new URL(file, import.meta.url))

/** The Koa server (exercise 1) of the implementation COURSE_IMPL chose, with its options. */
export function koaServer(args: string[] = []): StartOptions {
  return { entry: entry('../bin/serve-koa.ts'), args }
}

/** The Hono server (exercise 2) of the implementation COURSE_IMPL chose. */
export function honoServer(args: string[] = []): StartOptions {
  return { entry: entry('../bin/serve-hono.ts'), args }
}

/** Lesson 01's reference blocking server, to compare one request with. */
export function blockingServer(): StartOptions {
  return { entry: entry('./fixtures/serve-blocking.ts') }
}

/** How a test's server is started by hand, for the reproduce line of a failure. */
export function serveCommand(server: 'koa' | 'hono', args: string[] = []): string {
  const extra = args.length ? ` -- ${args.join(' ')}` : ''
  return `pnpm course serve 05 --server ${server}${extra}`
}
