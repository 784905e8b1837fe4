import { fileURLToPath } from 'node:url'
import type { StartOptions } from '@course/common/harness'

const entry = fileURLToPath(new URL('../bin/serve.ts', import.meta.url))

/** How to start this lesson's server (the implementation COURSE_IMPL chose, unless `env` says otherwise). */
export function lessonServer(args: string[] = [], env: Record<string, string> = {}): StartOptions {
  return { entry, args, env, course: { lesson: '04' } }
}
