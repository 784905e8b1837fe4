// The benchmark kit: contenders started and measured in turns, medians,
// ratios to the ideal and to the anchor, and the tables, JSON and charts a
// run leaves behind. For benchmarks and tests only: never loaded by a server.
export { type ChartSpec, chartsOf, renderCharts, type Series } from './chart.ts'
export {
  type Contender,
  type ServerContenderOptions,
  type Started,
  serverContender,
} from './contender.ts'
export { type Better, formatRatio, idealForCpu, idealForWaits, versus } from './ideal.ts'
export { describeMachine, type Machine, machineLine } from './machine.ts'
export { Progress, type ProgressSink } from './progress.ts'
export { describeRun, type ResultFiles, writeResults } from './results.ts'
export {
  elapsedMs,
  interleavedRounds,
  medianSample,
  type RoundsOptions,
  type Sample,
  type Turn,
} from './rounds.ts'
export {
  type BenchResult,
  type BenchRow,
  type BenchSpec,
  type Figure,
  type MeasureContext,
  runBench,
  type Workload,
} from './run.ts'
export { type BenchSettings, benchSettings, isFullRun } from './settings.ts'
export { type Column, columns, markdownTable, resultTable } from './table.ts'
