// The experiment of exercises 3 and 4: while one /cpu request runs, how long does a
// /healthz wait, and how late did the server's event loop run?
import { setTimeout as delay } from 'node:timers/promises'
import { LIMITS } from '@course/common/app'
import { curlFor, failure, type ServerProcess } from '@course/common/harness'
import { send } from '@course/common/load'
import { cpuUnitMs } from '@course/common/work'
import { LOOP_DELAY_PATH, type LoopDelayReport } from '../bin/loop-delay.ts'

export interface Stall {
  /** The /cpu request, as the client saw it. */
  cpuMs: number
  /** The /healthz sent while it ran. */
  healthzMs: number
  /** The longest the server's event loop ran late meanwhile (monitorEventLoopDelay's max). */
  loopDelayMs: number
}

/** Units of cpuWork that take about `ms` on a core of this machine (measured here, in the test process). */
export function unitsFor(ms: number): number {
  return Math.max(1, Math.min(LIMITS.maxCpuUnits, Math.round(ms / cpuUnitMs())))
}

async function loopDelay(baseUrl: string): Promise<LoopDelayReport> {
  const reply = await send(baseUrl, { path: LOOP_DELAY_PATH })
  return JSON.parse(reply.body.toString()) as LoopDelayReport
}

export async function stallDuringCpu(server: ServerProcess, units: number): Promise<Stall> {
  const { baseUrl } = server
  await loopDelay(baseUrl) // starts the server's histogram over
  // Its first tick after a reset only starts its clock: a stall before that tick goes unrecorded.
  await delay(25)
  const cpu = send(baseUrl, { path: `/cpu?n=${units}` })
  // Let /cpu reach the server and start before /healthz follows it.
  await delay(40)
  const healthz = await send(baseUrl, { path: '/healthz' })
  const done = await cpu
  const { maxMs } = await loopDelay(baseUrl)
  if (done.status !== 200 || healthz.status !== 200) {
    throw failure({
      expected: '200 for /cpu and for /healthz',
      actual: `${done.status || done.span.error} for /cpu, ${healthz.status || healthz.span.error} for /healthz`,
      reproduce: server.reproduce(
        `${curlFor({ path: `/cpu?n=${units}` })} & sleep 0.04; ${curlFor({ path: '/healthz' })}`,
      ),
    })
  }
  return {
    cpuMs: done.span.received - done.span.sent,
    healthzMs: healthz.span.received - healthz.span.sent,
    loopDelayMs: maxMs,
  }
}

/** The worse of the two shares of /cpu's time: /healthz's wait and the loop's stall. */
const worstShare = (stall: Stall) => Math.max(stall.healthzMs, stall.loopDelayMs) / stall.cpuMs

/**
 * The calmest of a few runs of the experiment. Another process on these cores
 * can only make a stall longer, never shorter, so the calmest run is the one
 * that says most about the server; a server that stalls does so in every run.
 */
export async function calmestStall(server: ServerProcess, units: number, runs = 2): Promise<Stall> {
  let calmest = await stallDuringCpu(server, units)
  for (let run = 1; run < runs; run++) {
    const next = await stallDuringCpu(server, units)
    if (worstShare(next) < worstShare(calmest)) calmest = next
  }
  return calmest
}

export const describeStall = (name: string, stall: Stall) =>
  `${name}: /cpu ${Math.round(stall.cpuMs)} ms, /healthz ${Math.round(stall.healthzMs)} ms, loop delay max ${Math.round(stall.loopDelayMs)} ms`

/**
 * Inline, /healthz waits for most of /cpu and the loop stalls as long; with
 * the cure both are a small fraction of it. Shares of /cpu's time, measured
 * in the same test: nothing here depends on how fast the machine is.
 */
export function expectCured(inline: Stall, cured: Stall, how: { reproduce: string; hint: string }) {
  const share = (part: number, stall: Stall) => part / stall.cpuMs
  const problems = [
    // If even inline /healthz did not wait, the experiment did not happen as planned.
    ...(share(inline.healthzMs, inline) < 0.5 || share(inline.loopDelayMs, inline) < 0.5
      ? ['inline /cpu did not hold up /healthz: the machine was too busy (or too fast) to judge']
      : []),
    ...(share(cured.healthzMs, cured) > 0.25 ? ['/healthz waited more than 1/4 of /cpu'] : []),
    ...(share(cured.loopDelayMs, cured) > 0.25
      ? ['the loop stalled for more than 1/4 of /cpu']
      : []),
  ]
  if (problems.length === 0) return
  throw failure({
    expected:
      'inline: /healthz and the loop delay at least 1/2 of /cpu; cured: both at most 1/4 of /cpu',
    actual: problems.join('; '),
    figures: `${describeStall('inline', inline)}; ${describeStall('cured', cured)}`,
    ...how,
  })
}
