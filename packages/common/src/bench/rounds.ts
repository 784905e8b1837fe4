// Interleaved rounds: the one way this course compares things that take
// time. A machine is never equally quiet for a whole run, so measuring A five
// times and then B five times lets a noisy moment land on one of them only.
// Taking turns (A B A B ...) spreads every noisy moment over all of them, and
// the median of each one's rounds ignores the worst few. Nothing here starts a
// server or a client, so tests use it as benchmarks do.
import { median } from '../stats.ts'

/** Which measurement this is: of which subject, in which round. */
export interface Turn {
  /** The subject's position in the list. */
  index: number
  /** 0-based; warm-up rounds count apart from measured ones. */
  round: number
  /** A warm-up's figure is thrown away: it pays for compiling, connecting, filling caches. */
  warmup: boolean
}

export interface RoundsOptions {
  /** Measured rounds: each subject is measured once per round. */
  rounds: number
  /** Rounds run first, the same way, and thrown away (0 by default). */
  warmups?: number
  /** Called after every measurement, warm-ups included: for progress. */
  onMeasured?(turn: Turn): void
}

/**
 * Measures every subject once per round, in turn, warm-ups first. Returns the
 * measured figures of each subject, one per round, in the order of `subjects`.
 */
export async function interleavedRounds<Subject, Sample>(
  subjects: readonly Subject[],
  measure: (subject: Subject, turn: Turn) => Promise<Sample>,
  { rounds, warmups = 0, onMeasured }: RoundsOptions,
): Promise<Sample[][]> {
  const samples = subjects.map((): Sample[] => [])
  for (const [phase, count] of [
    ['warm-up', warmups],
    ['measured', rounds],
  ] as const) {
    for (let round = 0; round < count; round++) {
      for (const [index, subject] of subjects.entries()) {
        const turn = { index, round, warmup: phase === 'warm-up' }
        const sample = await measure(subject, turn)
        if (!turn.warmup) samples[index]?.push(sample)
        onMeasured?.(turn)
      }
    }
  }
  return samples
}

/** Several figures of one measurement, by name: requests per second, p50, errors... */
export type Sample = Record<string, number>

/** The median of each figure over a subject's rounds. */
export function medianSample(rounds: readonly Sample[]): Sample {
  const names = Object.keys(rounds[0] ?? {})
  return Object.fromEntries(
    names.map((name) => [name, median(rounds.map((sample) => sample[name] ?? Number.NaN))]),
  )
}

/** How long `work` took, in milliseconds: the figure most rounds measure. */
export async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}
