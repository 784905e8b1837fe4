// Worker threads do not inherit the main thread's TypeScript loader on Node 20,
// so each thread registers tsx itself before it imports its real entry.
import { pathToFileURL } from 'node:url'
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(pathToFileURL(workerData.entry).href)
