// Lesson 01 benchmark: N concurrent requests of T ms against a server that
// serves one at a time, beside node:http running the same blocking app. The
// ideal for one at a time is N x T for the burst: a figure of 1.00 means no
// overhead beyond the waits themselves.
import { writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  benchSettings,
  chartsOf,
  columns,
  describeRun,
  formatRatio,
  renderCharts,
  resultTable,
  runBench,
  serverContender,
  writeResults,
} from '@course/common/bench'
import { burst } from '@course/common/load'
import { summarize } from '@course/common/stats'
import { maxConcurrent, renderSvg, type Span } from '@course/common/timeline'

const WAIT_MS = 50
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const settings = benchSettings({ rounds: 5, warmups: 1, seconds: 0 })

// The last burst of 8 on the lesson's server, drawn as a timeline: the staircase itself.
let staircase: Span[] = []

const result = await runBench({
  name: 'staircase',
  title: `Lesson 01: N x GET /io?ms=${WAIT_MS} at once`,
  axis: { symbol: 'N', label: 'requests at once' },
  sizes: [1, 2, 4, 8],
  contenders: [
    serverContender({ name: 'lesson 01', anchor: 'node:http', entry: here('../bin/serve.ts') }),
    serverContender({ name: 'node:http', entry: here('./node-http-anchor.ts') }),
  ],
  workloads: [{ name: `io ${WAIT_MS}`, ideal: (n) => n * WAIT_MS }],
  figure: { key: 'wallMs', label: 'wall ms', better: 'lower' },
  settings,
  async measure(server, _load, { contender, size }) {
    const { spans, wallMs } = await burst(server.baseUrl, { path: `/io?ms=${WAIT_MS}`, n: size })
    if (contender === 'lesson 01' && size === 8) staircase = spans
    const latency = summarize(spans.map((span) => span.received - span.sent))
    return { wallMs, p50: latency.p50, p99: latency.p99, atOnce: maxConcurrent(spans) }
  },
})

const table = resultTable(result, [
  columns.contender(),
  columns.size(result),
  columns.figure('wallMs', 'wall ms'),
  columns.ideal('ideal N×T'),
  columns.ofIdeal('wall/ideal'),
  columns.figure('p50', 'p50 ms'),
  columns.figure('p99', 'p99 ms'),
  columns.figure('atOnce', 'max at once'),
  { header: 'lesson vs anchor', cell: (row) => formatRatio(row.vsAnchor) },
])
console.log(`\n${describeRun(result)}; T = ${WAIT_MS} ms\n\n${table}\n`)
console.log(
  '"lesson vs anchor" above 1 means the lesson\'s server finished the burst faster than node:http.',
)

const dir = here('./results')
const files = writeResults(dir, result, {
  table,
  svg: renderCharts(result.title, chartsOf(result, { ideal: true })),
})
const timeline = `${dir}/staircase-n8.svg`
if (staircase.length) {
  writeFileSync(timeline, renderSvg(staircase, `Lesson 01: 8 x GET /io?ms=${WAIT_MS}`))
}
console.log(
  `wrote ${[files.json, files.markdown, files.svg, timeline].map((file) => relative('.', file ?? '')).join(', ')}`,
)
