import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chartsOf, renderCharts } from './chart.ts'
import type { Contender } from './contender.ts'
import { Progress } from './progress.ts'
import { writeResults } from './results.ts'
import { type BenchSpec, runBench, type Workload } from './run.ts'
import { columns, markdownTable, resultTable } from './table.ts'

/**
 * A contender that measures nothing: each round returns the next figure of a
 * script, so every median and ratio below is known in advance. It logs what
 * the kit asked of it.
 */
function fakeContender(name: string, script: number[], log: string[], anchor?: string) {
  const contender: Contender<{ next(): number }> = {
    name,
    ...(anchor ? { anchor } : {}),
    async start(size) {
      log.push(`start ${name} ${size}`)
      let at = 0
      return {
        handle: { next: () => (script[at++ % script.length] ?? 0) * size },
        stop: async () => {
          log.push(`stop ${name} ${size}`)
        },
      }
    },
  }
  return contender
}

const waits: Workload = { name: 'io 10', ideal: (size) => size * 100 }

function spec(log: string[]): BenchSpec<{ next(): number }, Workload> {
  return {
    name: 'fake',
    title: 'A fake benchmark',
    axis: { symbol: 'W', label: 'workers' },
    sizes: [1, 2],
    // The warm-up takes the first figure of each script; then five rounds, one of them noisy.
    contenders: [
      fakeContender('ours', [0, 90, 10, 95, 92, 91], log, 'theirs'),
      fakeContender('theirs', [0, 100, 100, 5, 100, 100], log),
    ],
    workloads: [waits],
    figure: { key: 'rps', label: 'req/s', better: 'higher' },
    settings: { rounds: 5, warmups: 1, seconds: 1 },
    progress: false,
    async measure(handle, load, context) {
      log.push(`${context.warmup ? 'warm ' : ''}${context.contender} ${load.name}`)
      return { rps: handle.next(), p99: 7 }
    },
  }
}

describe('a benchmark run', () => {
  it('starts each contender per size, takes turns A B A B after a warm-up, and stops them', async () => {
    const log: string[] = []
    await runBench(spec(log))
    const forSize1 = log.slice(0, log.indexOf('stop theirs 1') + 1)
    expect(forSize1).toEqual([
      'start ours 1',
      'start theirs 1',
      'warm ours io 10',
      'warm theirs io 10',
      ...Array.from({ length: 5 }, () => ['ours io 10', 'theirs io 10']).flat(),
      'stop ours 1',
      'stop theirs 1',
    ])
    expect(log.filter((line) => line.startsWith('start'))).toEqual([
      'start ours 1',
      'start theirs 1',
      'start ours 2',
      'start theirs 2',
    ])
  })

  it('states each median against its ideal and against its anchor, and records the machine', async () => {
    const result = await runBench(spec([]))
    const ours = result.rows.find((row) => row.contender === 'ours' && row.size === 2)
    expect(ours).toMatchObject({
      median: { rps: 182, p99: 7 },
      ideal: 200,
      ofIdeal: 0.91,
      vsAnchor: 0.91,
      anchor: 'theirs',
    })
    expect(ours?.rounds.map((round) => round.rps)).toEqual([180, 20, 190, 184, 182])
    expect(result.rows.find((row) => row.contender === 'theirs')?.vsAnchor).toBeUndefined()
    expect(result.machine.cores).toBeGreaterThan(0)
    expect(result.machine.node).toBe(process.version)
    expect(result.machine.loadAverage).toHaveLength(3)
  })

  it('takes a lower figure as the better one when the figure is a time', async () => {
    const timed = {
      ...spec([]),
      figure: { key: 'rps', label: 'wall ms', better: 'lower' as const },
    }
    const result = await runBench(timed)
    expect(result.rows[0]?.vsAnchor).toBeCloseTo(100 / 91)
  })

  it('stops the contenders already started when another fails to start', async () => {
    const log: string[] = []
    const broken: Contender<{ next(): number }> = {
      name: 'broken',
      start: () => Promise.reject(new Error('no such server')),
    }
    const failing = { ...spec(log), contenders: [...spec(log).contenders, broken] }
    await expect(runBench(failing)).rejects.toThrow('no such server')
    expect(log).toEqual(['start ours 1', 'start theirs 1', 'stop ours 1', 'stop theirs 1'])
  })
})

describe('what a run prints and writes', () => {
  it('pads a Markdown table the way the chapters are written', () => {
    expect(
      markdownTable(
        ['W', 'server', 'req/s'],
        [
          ['1', 'processes', '45'],
          ['8', 'piscina', '1662'],
        ],
      ),
    ).toBe(
      [
        '| W   | server    | req/s |',
        '| --- | --------- | ----- |',
        '| 1   | processes | 45    |',
        '| 8   | piscina   | 1662  |',
      ].join('\n'),
    )
  })

  it('makes a table of a result from its columns', async () => {
    const result = await runBench(spec([]))
    const table = resultTable(result, [
      columns.size(result),
      columns.contender(),
      columns.figure('rps', 'req/s'),
      columns.ideal(),
      columns.ofIdeal(),
      columns.vsAnchor(),
    ])
    expect(table.split('\n')).toEqual([
      '| W   | server | req/s | ideal | of ideal | vs anchor |',
      '| --- | ------ | ----- | ----- | -------- | --------- |',
      '| 1   | ours   | 91    | 100   | 0.91     | 0.91×     |',
      '| 1   | theirs | 100   | 100   | 1.00     |           |',
      '| 2   | ours   | 182   | 200   | 0.91     | 0.91×     |',
      '| 2   | theirs | 200   | 200   | 1.00     |           |',
    ])
  })

  it('draws one line per contender against the size, one panel per workload', async () => {
    const result = await runBench(spec([]))
    const svg = renderCharts(
      'Fake <pools> & co',
      chartsOf(result, { value: (row) => row.ofIdeal, guide: { y: 1, label: 'ideal' } }),
    )
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('<title>Fake &lt;pools&gt; &amp; co</title>')
    const lines = [...svg.matchAll(/<polyline[^>]* points="([^"]+)"/g)].map((m) => m[1]?.split(' '))
    expect(lines).toHaveLength(2)
    expect(lines.map((points) => points?.length)).toEqual([2, 2])
    // ours sits at 0.91 of the ideal on both sizes: a flat line below theirs at 1.00.
    const heights = lines.map((points) => points?.map((point) => Number(point.split(',')[1])))
    expect(heights[0]?.[0]).toBe(heights[0]?.[1])
    expect(heights[0]?.[0]).toBeGreaterThan(heights[1]?.[0] ?? 0)
    expect(svg).toContain('stroke-dasharray')
    expect(svg).toContain('>ours</text>')
    expect(svg).toContain('>theirs</text>')
    expect(svg.match(/<circle /g)).toHaveLength(4)
  })

  it('adds a line of the ideal when asked, beside the contenders', async () => {
    const result = await runBench(spec([]))
    const [chart] = chartsOf(result, { ideal: true })
    expect(chart?.series.map((line) => line.name)).toEqual(['ours', 'theirs', 'ideal'])
    expect(chart?.series[2]?.points).toEqual([
      { x: 1, y: 100 },
      { x: 2, y: 200 },
    ])
  })

  it('writes the result as JSON, Markdown and SVG side by side', async () => {
    const result = await runBench(spec([]))
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'))
    try {
      const files = writeResults(dir, result, { table: '| a |', svg: '<svg/>' })
      expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({
        name: 'fake',
        machine: { node: process.version },
      })
      expect(readFileSync(files.markdown, 'utf8')).toContain(`Node ${process.version}`)
      expect(readFileSync(files.svg ?? '', 'utf8')).toBe('<svg/>')
    } finally {
      rmSync(dir, { recursive: true })
    }
  })
})

describe('progress', () => {
  const sink = () => {
    const lines: string[] = []
    return { lines, write: (text: string) => lines.push(text) }
  }

  it('says nothing for a run shorter than a few seconds', () => {
    const out = sink()
    const progress = new Progress(3, out, 60_000)
    for (let i = 0; i < 3; i++) progress.step('next')
    progress.finish()
    expect(out.lines).toEqual([])
  })

  it('writes a line, then one every few seconds and the last, when not on a terminal', () => {
    const out = sink()
    const progress = new Progress(3, out, 0)
    for (let i = 0; i < 3; i++) progress.step('W = 1')
    expect(out.lines).toHaveLength(2)
    expect(out.lines[0]).toMatch(/^1\/3 measured, \d+ s so far, about \d+ s left; W = 1\n$/)
    expect(out.lines[1]).toMatch(/^3\/3 measured/)
  })
})
