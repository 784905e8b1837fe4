// How long a benchmark runs is the reader's choice, not the file's: the
// defaults are what the chapters measured, and a quick check of the code
// (or a busy shared machine) asks for less through the environment:
//   BENCH_ROUNDS=1 BENCH_SECONDS=0.2 BENCH_WARMUPS=0 pnpm course bench 02 --only pool

export interface BenchSettings {
  /** Measured rounds per cell; each figure is the median of them. */
  rounds: number
  /** Rounds run first and thrown away. */
  warmups: number
  /** How long one round of a timed load lasts. */
  seconds: number
}

const VARIABLES = {
  rounds: 'BENCH_ROUNDS',
  warmups: 'BENCH_WARMUPS',
  seconds: 'BENCH_SECONDS',
} as const satisfies Record<keyof BenchSettings, string>

/** The defaults, each replaced by its environment variable when set. */
export function benchSettings(
  defaults: BenchSettings,
  env: NodeJS.ProcessEnv = process.env,
): BenchSettings {
  const read = (key: keyof BenchSettings, least: number) => {
    const raw = env[VARIABLES[key]]
    if (raw === undefined || raw === '') return defaults[key]
    const value = Number(raw)
    const whole = key !== 'seconds'
    if (!Number.isFinite(value) || value < least || (whole && !Number.isInteger(value))) {
      throw new Error(
        `${VARIABLES[key]} takes ${whole ? 'a whole number' : 'a number'} of at least ${least}, got "${raw}"`,
      )
    }
    return value
  }
  return { rounds: read('rounds', 1), warmups: read('warmups', 0), seconds: read('seconds', 0.05) }
}

/** True when the settings are the defaults: only then may a run replace published figures. */
export function isFullRun(settings: BenchSettings, defaults: BenchSettings): boolean {
  return (Object.keys(VARIABLES) as (keyof BenchSettings)[]).every(
    (key) => settings[key] >= defaults[key],
  )
}
