export { type Count, expectConcurrency, expectWorkers } from './concurrency.ts'
export { type Eventually, eventually } from './eventually.ts'
export { type Expectation, expectReply } from './expect.ts'
export { FIGURES_ENV, showFigures } from './figures.ts'
export { useServer } from './fixture.ts'
export { checkLeaksAfterEach } from './leaks.ts'
export { moduleLogEnv, toolingModulesIn } from './module-log.ts'
export { expectNoFasterThan, type Floor, type NoFasterThan } from './no-faster.ts'
export { expectOrder, type Step, type TimedEvent } from './order.ts'
export {
  countPerBackend,
  expectPerBackend,
  type PerBackend,
  UNKNOWN_BACKEND,
  whoServed,
} from './per-backend.ts'
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
export { expectRatio, type Ratio, type Reproduce } from './shapes.ts'
