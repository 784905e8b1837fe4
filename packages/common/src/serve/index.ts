export { type NumericOptions, parseServerArgs, wholeNumber } from './args.ts'
export {
  IMPLEMENTATION_ENV,
  implementationDir,
  type LessonImplementation,
  lessonImplementation,
} from './implementation.ts'
export { announceReady, type ReadyMessage } from './ready.ts'
export { explainTodo, listenProblem, type ServeOptions, serveLesson } from './serve-lesson.ts'
export { startThread } from './threads.ts'
export { tsxExecArgv } from './tsx.ts'
