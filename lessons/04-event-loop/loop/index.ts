// Given to you: what tasks yield, where they wait, and the clocks. You build
// what runs them (coroutines.ts, timer-heap.ts, scheduler.ts).
export { type Clock, RealClock, VirtualClock } from './clocks.ts'
export {
  Cancelled,
  cancel,
  type Effect,
  join,
  next,
  type Outcome,
  type Program,
  sleep,
  spawn,
  type Task,
} from './effects.ts'
export { bytesOf, type Connection, connectionsOf } from './node-sources.ts'
export { Source, type SourceOptions, type Waitable, type Waiter } from './source.ts'
