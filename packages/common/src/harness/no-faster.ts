// "No response faster than T" catches a server that skips work it was asked
// to do (a wait it never waited, a cached answer). A busy machine only makes
// responses slower, so a fixed floor holds anywhere; a floor taken from
// another server (async is no faster than blocking for one request) is
// measured in the same test, so both runs share whatever load the machine has.
import { median } from '../stats.ts'
import { failure } from './reproduce.ts'
import type { Reproduce } from './shapes.ts'

export type Floor =
  /** A known least time, e.g. the 100 ms that GET /io?ms=100 asks the server to wait. */
  | { ms: number; what: string }
  /** `fraction` of the median of runs measured in the same test, e.g. 0.8 of the blocking server's. */
  | { measuredMs: readonly number[]; fraction: number; what: string }

export interface NoFasterThan extends Reproduce {
  /** What was timed, e.g. "GET /io?ms=100 on the async server". */
  what: string
  /** How long each response took, in ms. */
  timesMs: readonly number[]
  floor: Floor
  /** Forgiven below the floor: timers and two processes' clocks agree to about a millisecond. */
  slackMs?: number
}

export function expectNoFasterThan({
  what,
  timesMs,
  floor,
  slackMs = 1,
  ...how
}: NoFasterThan): void {
  const least = floorMs(floor)
  const faster = timesMs.filter((ms) => ms < least - slackMs)
  if (faster.length === 0 && timesMs.length > 0) return
  const sorted = [...timesMs].sort((a, b) => a - b)
  const times = `${timesMs.length} times: fastest ${round(sorted[0])}, median ${round(median(sorted))}, slowest ${round(sorted.at(-1))} ms`
  throw failure({
    expected: `every ${what} to take at least ${round(least)} ms (${floor.what})`,
    actual:
      timesMs.length === 0
        ? 'nothing was timed'
        : `${faster.length} of ${timesMs.length} faster: ${faster.map(round).join(', ')} ms`,
    figures: 'measuredMs' in floor ? `${times}; ${calibration(floor)}` : times,
    ...how,
  })
}

function floorMs(floor: Floor): number {
  return 'measuredMs' in floor ? floor.fraction * median(floor.measuredMs) : floor.ms
}

function calibration({
  measuredMs,
  fraction,
}: {
  measuredMs: readonly number[]
  fraction: number
}) {
  const sorted = [...measuredMs].sort((a, b) => a - b)
  const [fastest = Number.NaN] = sorted
  const slowest = sorted.at(-1) ?? Number.NaN
  const figures = `the floor is ${fraction} x the median of ${sorted.length} runs measured in this test (${round(fastest)} to ${round(slowest)} ms)`
  // A reference run slowed down by another process raises the floor: say so
  // rather than blame the code under test.
  return slowest > 2 * fastest
    ? `${figures}; they differ by more than 2x, so the machine was too busy to judge: run again`
    : figures
}

function round(ms: number | undefined): string {
  return ms === undefined || Number.isNaN(ms) ? '-' : ms.toFixed(ms < 10 ? 1 : 0)
}
