export { type Expectation, expectReply } from './expect.ts'
export { useServer } from './fixture.ts'
export { checkLeaksAfterEach } from './leaks.ts'
export { moduleLogEnv, toolingModulesIn } from './module-log.ts'
export { markedProcesses } from './processes.ts'
export { type RawOptions, type RawReply, sendRaw } from './raw.ts'
export {
  CourseAssertionError,
  curlFor,
  EXAMPLE_PORT,
  escapeBytes,
  failure,
  rawFor,
  unescapeBytes,
} from './reproduce.ts'
export { type ServerProcess, type StartOptions, startServer } from './server-process.ts'
export { expectRatio, expectServedAtOnce, type Ratio, type Reproduce } from './shapes.ts'
