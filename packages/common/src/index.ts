export * from './app/index.ts'
export { now, workerName } from './clock.ts'
export { type EncodeOptions, encodeResponse } from './http/encode-response.ts'
export { blockingNodeHttpHandler } from './http/node-http-handler.ts'
export * from './load/index.ts'
export { type NumericOptions, parseServerArgs } from './serve/args.ts'
export {
  IMPLEMENTATION_ENV,
  implementationDir,
  type LessonImplementation,
  lessonImplementation,
} from './serve/implementation.ts'
export { announceReady, type ReadyMessage } from './serve/ready.ts'
export { explainTodo, type ServeOptions, serveLesson } from './serve/serve-lesson.ts'
export { startThread } from './serve/threads.ts'
export { tsxExecArgv } from './serve/tsx.ts'
export * from './timeline/index.ts'
export { TodoError, todo } from './todo.ts'
export { asyncSleep, blockingSleep, cpuUnitMs, cpuWork, ROUNDS_PER_UNIT } from './work.ts'
