// bench/RESULTS.md: the pool benchmark's figures as the chapter reads them.
// Fractions of the ideal side by side for each W, the gain from 1 to 2
// workers on CPU work, then every cell in full.
import { writeFileSync } from 'node:fs'
import {
  type BenchResult,
  chartsOf,
  describeRun,
  markdownTable,
  renderCharts,
} from '@course/common/bench'

export function writePoolReport(
  result: BenchResult,
  fullTable: string,
  svg: string,
  to: { markdown: string; svg: string },
): void {
  writeFileSync(to.markdown, poolReport(result, fullTable))
  writeFileSync(to.svg, svg)
}

/** Each workload's throughput as a fraction of its ideal against W: the chart the chapter shows. */
export function poolChart(result: BenchResult): string {
  return renderCharts(
    'Lesson 02: throughput as a fraction of the ideal, against W workers',
    chartsOf(result, {
      value: (row) => row.ofIdeal,
      yLabel: 'of ideal',
      guide: { y: 1, label: 'ideal' },
    }),
    3,
  )
}

export function poolReport(result: BenchResult, fullTable: string): string {
  const contenders = [...new Set(result.rows.map((row) => row.contender))]
  const workloads = [...new Set(result.rows.map((row) => row.workload))]
  const find = (contender: string, workload: string, size: number) =>
    result.rows.find(
      (row) => row.contender === contender && row.workload === workload && row.size === size,
    )
  /** W down, contenders across, each cell "a / b" for two workloads. */
  const fractions = (pair: string[]) =>
    markdownTable(
      [result.axis.symbol, ...contenders],
      result.sizes.map((size) => [
        String(size),
        ...contenders.map((name) =>
          pair.map((load) => find(name, load, size)?.ofIdeal?.toFixed(2) ?? '?').join(' / '),
        ),
      ]),
    )
  const gain = (load: string) =>
    contenders
      .map((name) => {
        const one = find(name, load, 1)?.median.rps
        const two = find(name, load, 2)?.median.rps
        return `${name} ${one && two ? (two / one).toFixed(2) : '?'}×`
      })
      .join(', ')
  const [io20 = '', io50 = '', cpu5 = '', cpu50 = ''] = workloads
  return `# Lesson 02: the pool benchmark, measured

The figures of \`bench/pool.bench.ts\` that the chapter ("The benchmark") sums
up. Regenerate them on a quiet machine with \`pnpm course bench 02 --only pool
--solution\` (about 10 minutes): a full run of the reference solution rewrites
this file and \`pool.svg\`, with the date and the machine it ran on.

${describeRun(result)}.

**Waits**, as a fraction of the ideal W / T, for ${io20} / ${io50}:

${fractions([io20, io50])}

**CPU work**, as a fraction of the ideal min(W, cores) / c, for ${cpu5} / ${cpu50}:

${fractions([cpu5, cpu50])}

From 1 to 2 workers, ${cpu5} gains ${gain(cpu5)}; ${cpu50} gains ${gain(cpu50)}.

**Every cell**: requests per second, the ideal, the fraction of it, what is
missing spread over the requests ("extra ms"), latency percentiles, and the
lesson's pool over its production relative in the same run:

${fullTable}
`
}
