// Every figure is stated against what it would be if the server cost
// nothing: then a figure reads the same on any machine, and what is missing
// from the ideal is what the server itself costs. Little's law gives the
// ideals: C requests in flight that each wait T give C / T per second; CPU
// work of c per request on k cores gives k / c, however many workers there are.

/** Requests per second of `concurrency` requests in flight, each waiting `waitMs`. */
export function idealForWaits(concurrency: number, waitMs: number): number {
  return (concurrency * 1000) / waitMs
}

/** Requests per second of `workers` workers each doing `costMs` of CPU work, on `cores` cores. */
export function idealForCpu(workers: number, costMs: number, cores: number): number {
  return (Math.min(workers, cores) * 1000) / costMs
}

/** Whether a figure is better higher (throughput) or lower (latency, wall time). */
export type Better = 'higher' | 'lower'

/**
 * How a contender compares with its anchor: above 1 means better, whichever
 * way the figure goes (more requests per second, or less wall time).
 */
export function versus(figure: number, anchor: number, better: Better): number {
  return better === 'higher' ? figure / anchor : anchor / figure
}

/** `1.04×`, or an empty cell when there is nothing to compare with. */
export function formatRatio(ratio: number | undefined, digits = 2): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '' : `${ratio.toFixed(digits)}×`
}
