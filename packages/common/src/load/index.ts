export { type BurstOptions, type BurstResult, burst } from './burst.ts'
export { type ClosedLoopOptions, type ClosedLoopResult, closedLoop } from './closed-loop.ts'
export { type Reply, type RequestSpec, send } from './send.ts'
export { measureThroughput, type Throughput, type ThroughputOptions } from './throughput.ts'
