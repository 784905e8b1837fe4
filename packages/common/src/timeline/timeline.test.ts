import { describe, expect, it } from 'vitest'
import { toChromeTrace } from './chrome-trace.ts'
import { parseTimelineHeader, timelineHeader } from './header.ts'
import { workerLanes } from './http-lanes.ts'
import { maxConcurrent, type Span, workersSeen } from './span.ts'
import { renderSvg } from './svg.ts'
import { renderWaterfall } from './waterfall.ts'

const span = (id: number, started: number, ended: number, servedBy = '1/0'): Span => ({
  id,
  label: `GET /io#${id}`,
  status: 200,
  sent: 0,
  received: ended + 1,
  server: { accepted: 0, started, ended, servedBy },
})

describe('maxConcurrent', () => {
  it('is 1 for back-to-back requests that touch but do not overlap', () => {
    expect(maxConcurrent([span(1, 0, 100), span(2, 100, 200), span(3, 200, 300)])).toBe(1)
  })

  it('counts the deepest overlap', () => {
    expect(
      maxConcurrent([span(1, 0, 100), span(2, 50, 150), span(3, 60, 70), span(4, 200, 300)]),
    ).toBe(3)
  })

  it('ignores requests the server never reported on', () => {
    expect(maxConcurrent([{ ...span(1, 0, 1), server: undefined } as Span])).toBe(0)
  })
})

describe('the x-timeline header', () => {
  it('round-trips', () => {
    const times = { accepted: 1.5, started: 2.25, ended: 3.125, servedBy: '42/0' }
    expect(parseTimelineHeader(timelineHeader(times))).toEqual(times)
  })

  it('rejects garbage', () => {
    expect(parseTimelineHeader('accepted=x; started=1')).toBeUndefined()
    expect(parseTimelineHeader(undefined)).toBeUndefined()
  })
})

describe('the renderers', () => {
  const spans = [span(1, 0, 100, '7/0'), span(2, 100, 200, '7/1')]

  it('draw a staircase in the terminal', () => {
    const rows = renderWaterfall(spans, { width: 20 }).split('\n')
    expect(rows[1]).toMatch(/\|#{10}\.? {9,10}\|/)
    expect(rows[2]).toMatch(/\|\.{10}#{10}\|/)
  })

  it('draw one rectangle colour per worker in SVG', () => {
    const svg = renderSvg(spans)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(new Set(svg.match(/fill="#[0-9a-f]{6}"/g)).size).toBe(2)
    expect(workersSeen(spans)).toEqual(['7/0', '7/1'])
  })

  it('export one server track per worker in a Chrome trace, with workerLanes', () => {
    const { traceEvents } = toChromeTrace(workerLanes(spans))
    const threads = traceEvents.filter((event) => event.name === 'thread_name')
    expect(threads.map((event) => [event.pid, event.args])).toEqual([
      [1, { name: '7/0' }],
      [1, { name: '7/1' }],
    ])
    const served = traceEvents.filter((event) => event.ph === 'X')
    expect(served.map((event) => [event.tid, event.dur, event.args.note])).toEqual([
      [1, 100_000, 'GET /io#1'],
      [2, 100_000, 'GET /io#2'],
    ])
  })
})
