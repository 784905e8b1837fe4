import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * Node flags that let a child process run the course's TypeScript as is.
 * The loader is found from here, so it works whatever the child's folder.
 */
export const tsxExecArgv = [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
]
