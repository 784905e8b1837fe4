// Which modules did a server load? A server process and its pool threads must
// load only what serves; a test tool (autocannon, vitest, the harness) loaded
// there costs start-up time and memory in every worker.
import { readFileSync } from 'node:fs'

const register = new URL('./module-log/register.mjs', import.meta.url).href

/** Environment that makes a process, its children and its threads log every module they load to `file`. */
export function moduleLogEnv(file: string): Record<string, string> {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : ''
  return { COURSE_MODULE_LOG: file, NODE_OPTIONS: `${inherited}--import ${register}` }
}

/** Modules only tests, benchmarks and the CLI may load. */
const TOOLING = [
  /\/node_modules\/(\.pnpm\/)?(autocannon|vitest|@vitest|fast-check)[@/]/,
  /\/packages\/common\/src\/(load|harness|bench|contract)\//,
]

/** The tooling modules among those logged in `file`, each named once. */
export function toolingModulesIn(file: string): string[] {
  const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  return [...new Set(urls.filter((url) => TOOLING.some((pattern) => pattern.test(url))))]
}
