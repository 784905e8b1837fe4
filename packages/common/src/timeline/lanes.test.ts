import { describe, expect, it } from 'vitest'
import { toChromeTrace } from './chrome-trace.ts'
import { httpLanes, lanesOf, workerLanes } from './http-lanes.ts'
import { type Lane, laneRows } from './lane.ts'
import { phaseLooks } from './phases.ts'
import type { Span } from './span.ts'
import { renderSvg } from './svg.ts'
import { renderWaterfall } from './waterfall.ts'

// What lessons 03 to 05 draw: a request queued in a balancer then at a
// backend, a scheduler's task that never speaks HTTP, and two requests served
// at once by one thread.
const balanced: Lane = {
  name: 'GET /a',
  group: 'balancer',
  intervals: [
    { phase: 'queued', start: 0, end: 40 },
    { phase: 'at backend', start: 40, end: 100, by: 'backend 1' },
  ],
}
const task: Lane = {
  name: 'task fetch',
  group: 'scheduler',
  intervals: [
    { phase: 'running', start: 0, end: 20, by: 'loop' },
    { phase: 'parked', start: 20, end: 80 },
    { phase: 'running', start: 80, end: 100, by: 'loop' },
  ],
}
const asyncWorker: Lane = {
  name: '9/0',
  intervals: [
    { phase: 'served', start: 0, end: 60, by: '9/0', note: 'GET /io#1' },
    { phase: 'served', start: 10, end: 100, by: '9/0', note: 'GET /io#2' },
  ],
}

const span = (
  id: number,
  sent: number,
  started: number,
  ended: number,
  received: number,
): Span => ({
  id,
  label: `GET /io#${id}`,
  status: 200,
  sent,
  received,
  server: { accepted: sent, started, ended, servedBy: '7/0' },
})

describe('lanes', () => {
  it('keep intervals that only touch on one row', () => {
    expect(laneRows(task)).toHaveLength(1)
  })

  it('spread intervals that overlap over as many rows as were in flight at once', () => {
    const rows = laneRows(asyncWorker)
    expect(rows.map((row) => row.map((interval) => interval.note))).toEqual([
      ['GET /io#1'],
      ['GET /io#2'],
    ])
  })

  it('give two phases that want the same glyph two different glyphs', () => {
    const looks = phaseLooks([balanced, task])
    const glyphs = [...looks.values()].map((look) => look.glyph)
    expect(looks.get('queued')?.glyph).toBe(':')
    expect(looks.get('at backend')?.glyph).toBe('#')
    expect(new Set(glyphs).size).toBe(glyphs.length)
  })
})

describe('HTTP spans as lanes', () => {
  it('wait, are served by a worker, then wait for the response', () => {
    const [lane] = httpLanes([span(1, 0, 10, 110, 112)])
    expect(lane).toEqual({
      name: 'GET /io#1',
      group: 'requests',
      intervals: [
        { phase: 'waiting', start: 0, end: 10 },
        { phase: 'served', start: 10, end: 110, by: '7/0' },
        { phase: 'waiting', start: 110, end: 112 },
      ],
    })
  })

  it("keep the server's interval inside the client's when the clocks disagree a little", () => {
    const [lane] = httpLanes([span(1, 5, 4.8, 50, 49.9)])
    expect(lane?.intervals).toEqual([{ phase: 'served', start: 5, end: 49.9, by: '7/0' }])
  })

  it('show a failed request as a wait, with the reason', () => {
    const failed: Span = {
      id: 1,
      label: 'GET /',
      status: 0,
      sent: 0,
      received: 5,
      error: 'ECONNRESET',
    }
    expect(httpLanes([failed])).toEqual([
      {
        name: 'GET /',
        group: 'requests',
        intervals: [{ phase: 'waiting', start: 0, end: 5 }],
        note: 'failed: ECONNRESET',
      },
    ])
  })

  it('seen from the server, give each worker a lane of the requests it served', () => {
    const lanes = workerLanes([span(1, 0, 1, 50, 51), span(2, 0, 2, 60, 61)])
    expect(lanes).toHaveLength(1)
    expect(lanes[0]?.group).toBe('process 7')
    expect(laneRows(lanes[0] ?? asyncWorker)).toHaveLength(2)
  })

  it('are what the renderers draw when handed spans', () => {
    const spans = [span(1, 0, 10, 110, 112)]
    expect(lanesOf(spans)).toEqual(httpLanes(spans))
    expect(renderWaterfall(spans)).toBe(renderWaterfall(httpLanes(spans)))
  })
})

describe('the waterfall of lanes', () => {
  const rows = renderWaterfall([balanced, task, asyncWorker], { width: 20 }).trimEnd().split('\n')

  it('draws one row per lane, and one more per request a lane had in flight at once', () => {
    const looks = phaseLooks([balanced, task, asyncWorker])
    const glyph = (phase: string) => `\\${looks.get(phase)?.glyph}`
    // Axis, the balanced request, the task, the async worker's two rows, the legend.
    expect(rows).toHaveLength(6)
    expect(rows[1]).toMatch(
      new RegExp(
        `^  1  GET /a +\\|${glyph('queued')}{8}${glyph('at backend')}{12}\\| +100 ms by backend 1$`,
      ),
    )
    expect(rows[2]).toMatch(
      new RegExp(
        `^  2  task fetch +\\|${glyph('running')}{4}${glyph('parked')}{12}${glyph('running')}{4}\\| +100 ms by loop$`,
      ),
    )
    expect(rows[3]).toMatch(new RegExp(`^  3  9/0 +\\|${glyph('served')}{12} {8}\\| +100 ms$`))
    expect(rows[4]).toMatch(new RegExp(`^ +\\| {2}${glyph('served')}{18}\\|$`))
  })

  it('names every phase in the legend with its glyph', () => {
    const looks = phaseLooks([balanced, task, asyncWorker])
    for (const [phase, look] of looks) expect(rows[5]).toContain(`'${look.glyph}' ${phase}`)
    expect(looks.size).toBe(5)
  })
})

describe('the SVG of lanes', () => {
  const svg = renderSvg([balanced, task, asyncWorker])
  const rects = [...svg.matchAll(/<rect data-lane="([^"]+)" data-phase="([^"]+)"[^>]* y="(\d+)"/g)]

  it('labels one row per lane and draws one segment per interval, phase by phase', () => {
    expect([...svg.matchAll(/<text x="4" y="\d+">([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'GET /a',
      'task fetch',
      '9/0',
    ])
    expect(rects.map((m) => `${m[1]}: ${m[2]}`)).toEqual([
      'GET /a: queued',
      'GET /a: at backend',
      'task fetch: running',
      'task fetch: parked',
      'task fetch: running',
      '9/0: served',
      '9/0: served',
    ])
  })

  it('puts the two requests one worker served at once on two rows', () => {
    const ys = rects.filter((m) => m[1] === '9/0').map((m) => Number(m[3]))
    expect(new Set(ys).size).toBe(2)
  })

  it('colours each worker apart, and names each colour in the legend', () => {
    for (const name of ['queued', 'parked', 'by backend 1', 'by loop', 'by 9/0']) {
      expect(svg).toContain(`>${name}</text>`)
    }
    const fills = new Map<string, Set<string>>()
    for (const [, by = '', fill = ''] of svg.matchAll(/data-by="([^"]+)"[^>]* fill="(#\w+)"/g)) {
      fills.set(by, (fills.get(by) ?? new Set()).add(fill))
    }
    expect([...fills.values()].map((colours) => colours.size)).toEqual([1, 1, 1])
    expect(new Set([...fills.values()].flatMap((colours) => [...colours])).size).toBe(3)
  })
})

describe('the Chrome trace of lanes', () => {
  it('makes each group a process, each lane a named thread and each interval a slice', () => {
    expect(toChromeTrace([balanced, task, asyncWorker])).toEqual({
      traceEvents: [
        { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'balancer' } },
        { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'GET /a' } },
        {
          name: 'queued',
          cat: 'balancer',
          ph: 'X',
          ts: 0,
          dur: 40_000,
          pid: 1,
          tid: 1,
          args: { lane: 'GET /a' },
        },
        {
          name: 'at backend',
          cat: 'balancer',
          ph: 'X',
          ts: 40_000,
          dur: 60_000,
          pid: 1,
          tid: 1,
          args: { lane: 'GET /a', by: 'backend 1' },
        },
        { name: 'process_name', ph: 'M', pid: 2, tid: 0, args: { name: 'scheduler' } },
        { name: 'thread_name', ph: 'M', pid: 2, tid: 1, args: { name: 'task fetch' } },
        {
          name: 'running',
          cat: 'scheduler',
          ph: 'X',
          ts: 0,
          dur: 20_000,
          pid: 2,
          tid: 1,
          args: { lane: 'task fetch', by: 'loop' },
        },
        {
          name: 'parked',
          cat: 'scheduler',
          ph: 'X',
          ts: 20_000,
          dur: 60_000,
          pid: 2,
          tid: 1,
          args: { lane: 'task fetch' },
        },
        {
          name: 'running',
          cat: 'scheduler',
          ph: 'X',
          ts: 80_000,
          dur: 20_000,
          pid: 2,
          tid: 1,
          args: { lane: 'task fetch', by: 'loop' },
        },
        { name: 'process_name', ph: 'M', pid: 3, tid: 0, args: { name: 'timeline' } },
        { name: 'thread_name', ph: 'M', pid: 3, tid: 1, args: { name: '9/0' } },
        {
          name: 'served',
          cat: 'timeline',
          ph: 'X',
          ts: 0,
          dur: 60_000,
          pid: 3,
          tid: 1,
          args: { lane: '9/0', by: '9/0', note: 'GET /io#1' },
        },
        { name: 'thread_name', ph: 'M', pid: 3, tid: 2, args: { name: '9/0 (2)' } },
        {
          name: 'served',
          cat: 'timeline',
          ph: 'X',
          ts: 10_000,
          dur: 90_000,
          pid: 3,
          tid: 2,
          args: { lane: '9/0', by: '9/0', note: 'GET /io#2' },
        },
      ],
    })
  })
})
