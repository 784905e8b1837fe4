import { fileURLToPath } from 'node:url'

const entry = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url))

/** Lesson 01's reference blocking server. */
export const blockingBackendFile = entry('blocking-backend.ts')
/** node:http with keep-alive, logging every connection and request (see events.ts). */
export const recordingBackendFile = entry('recording-backend.ts')
/** node:http with keep-alive and no logging, for benchmarks. */
export const nodeHttpBackendFile = entry('node-http-backend.ts')
/** Listens with an accept queue of one and accepts nothing once stopped: connects hang. */
export const unacceptingBackendFile = entry('unaccepting-backend.ts')
