// One benchmark run: for each size, start every contender, warm them up,
// measure them in turns on every workload, take medians, stop them; then
// state each median against its ideal and against its anchor. What a round
// measures (a burst, a closed loop, tasks on a pool) is the benchmark's own
// `measure`; everything around it is written here once.
import type { Contender, Started } from './contender.ts'
import { type Better, versus } from './ideal.ts'
import { describeMachine, type Machine } from './machine.ts'
import { Progress, type ProgressSink } from './progress.ts'
import { interleavedRounds, medianSample, type Sample } from './rounds.ts'
import type { BenchSettings } from './settings.ts'

/** One kind of work every contender is given in turn: waits of 20 ms, CPU work of 5 ms... */
export interface Workload {
  name: string
  /** The figure a contender that cost nothing would reach at this size; none when it has no meaning. */
  ideal?(size: number): number | undefined
}

/** The figure every ratio is taken of: one of the names each sample carries. */
export interface Figure {
  key: string
  label: string
  better: Better
}

export interface MeasureContext {
  contender: string
  size: number
  /** A warm-up round's figures are thrown away: it may be shorter. */
  warmup: boolean
}

export interface BenchSpec<Handle, Load extends Workload> {
  /** Names the result files: bench/results/<name>.json, .svg, .md. */
  name: string
  title: string
  /** What the sizes count: W workers, N requests at once, C clients. */
  axis: { symbol: 'W' | 'N' | 'C'; label: string }
  sizes: readonly number[]
  contenders: readonly Contender<Handle>[]
  workloads: readonly Load[]
  figure: Figure
  settings: BenchSettings
  measure(handle: Handle, load: Load, context: MeasureContext): Promise<Sample>
  /** Anything else the reader needs to repeat the run (C = 2W, the cost of a CPU unit...). */
  notes?: Record<string, unknown>
  /** Where progress goes: stderr by default; false for none. */
  progress?: ProgressSink | false
}

export interface BenchRow {
  size: number
  workload: string
  contender: string
  anchor?: string
  /** The median of each figure over the measured rounds. */
  median: Sample
  ideal?: number
  /** The figure over its ideal: below 1 for throughput, above 1 for time. */
  ofIdeal?: number
  /** Above 1: better than the anchor, in the same run. */
  vsAnchor?: number
  /** Every measured round, for whoever wants more than the median. */
  rounds: Sample[]
}

export interface BenchResult {
  name: string
  title: string
  /** ISO date and time the run started. */
  date: string
  machine: Machine
  axis: BenchSpec<unknown, Workload>['axis']
  sizes: number[]
  figure: Figure
  settings: BenchSettings
  notes: Record<string, unknown>
  rows: BenchRow[]
}

export async function runBench<Handle, Load extends Workload>(
  spec: BenchSpec<Handle, Load>,
): Promise<BenchResult> {
  const date = new Date().toISOString()
  const machine = describeMachine()
  const { rounds, warmups } = spec.settings
  // Contenders innermost: A and B on the same workload are measured closest together in time.
  const cells = spec.workloads.flatMap((load) =>
    spec.contenders.map((contender, index) => ({ load, contender, index })),
  )
  const progress =
    spec.progress === false
      ? undefined
      : new Progress(spec.sizes.length * (rounds + warmups) * cells.length, spec.progress)
  const rows: BenchRow[] = []
  for (const size of spec.sizes) {
    const started: Started<Handle>[] = []
    try {
      // One after another: contenders starting together would slow each other's start.
      for (const contender of spec.contenders) started.push(await contender.start(size))
      const samples = await interleavedRounds(
        cells,
        ({ load, contender, index }, turn) =>
          spec.measure(started[index]!.handle, load, {
            contender: contender.name,
            size,
            warmup: turn.warmup,
          }),
        {
          rounds,
          warmups,
          onMeasured: (turn) =>
            progress?.step(
              `${spec.axis.symbol} = ${size}, ${turn.warmup ? 'warm-up' : 'round'} ${turn.round + 1}`,
            ),
        },
      )
      for (const [i, { load, contender }] of cells.entries()) {
        const measured = samples[i] ?? []
        const ideal = load.ideal?.(size)
        const median = medianSample(measured)
        const figure = median[spec.figure.key] ?? Number.NaN
        rows.push({
          size,
          workload: load.name,
          contender: contender.name,
          ...(contender.anchor ? { anchor: contender.anchor } : {}),
          median,
          ...(ideal === undefined ? {} : { ideal, ofIdeal: figure / ideal }),
          rounds: measured,
        })
      }
    } finally {
      await Promise.all(started.map((each) => each.stop()))
    }
  }
  progress?.finish()
  return {
    name: spec.name,
    title: spec.title,
    date,
    machine,
    axis: spec.axis,
    sizes: [...spec.sizes],
    figure: spec.figure,
    settings: spec.settings,
    notes: spec.notes ?? {},
    rows: rows.map((row) => withAnchor(row, rows, spec.figure)),
  }
}

function withAnchor(row: BenchRow, rows: readonly BenchRow[], figure: Figure): BenchRow {
  const anchor = rows.find(
    (other) =>
      other.contender === row.anchor && other.size === row.size && other.workload === row.workload,
  )
  const mine = row.median[figure.key]
  const theirs = anchor?.median[figure.key]
  if (mine === undefined || theirs === undefined) return row
  return { ...row, vsAnchor: versus(mine, theirs, figure.better) }
}
