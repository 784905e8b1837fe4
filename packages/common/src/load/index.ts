export { type BurstOptions, type BurstResult, burst } from './burst.ts'
export { median, percentile, type Summary, summarize } from './percentiles.ts'
export { type Reply, type RequestSpec, send } from './send.ts'
export { measureThroughput, type Throughput, type ThroughputOptions } from './throughput.ts'
