// Orderings are shapes that survive a busy machine: "the fast requests started
// only after the slow one ended", "task B ran before task A woke up". Compare
// server-side timestamps, which a slow client cannot reorder.
import { failure } from './reproduce.ts'
import type { Reproduce } from './shapes.ts'

/** Something that happened at a moment on the `now()` clock, e.g. a span's `server.started`. */
export interface TimedEvent {
  name: string
  at: number
}

/** One event, or several whose order among themselves does not matter. */
export type Step = TimedEvent | readonly TimedEvent[]

/**
 * Every event of each step happened no later than every event of the next
 * step. Ties pass: an end and a start at the same instant are in order.
 */
export function expectOrder(steps: readonly Step[], how: Reproduce): void {
  const groups = steps.map((step): readonly TimedEvent[] => (isGroup(step) ? step : [step]))
  for (let i = 1; i < groups.length; i++) {
    const before = latest(groups[i - 1] ?? [])
    const after = earliest(groups[i] ?? [])
    if (!before || !after || before.at <= after.at) continue
    throw failure({
      expected: `in this order: ${groups.map(describeStep).join(', then ')}`,
      actual: `${after.name} came ${(before.at - after.at).toFixed(1)} ms before ${before.name}`,
      figures: `as it happened, in ms from the first: ${asItHappened(groups.flat())}`,
      ...how,
    })
  }
}

function isGroup(step: Step): step is readonly TimedEvent[] {
  return Array.isArray(step)
}

function latest(events: readonly TimedEvent[]): TimedEvent | undefined {
  return events.reduce<TimedEvent | undefined>((a, b) => (a && a.at >= b.at ? a : b), undefined)
}

function earliest(events: readonly TimedEvent[]): TimedEvent | undefined {
  return events.reduce<TimedEvent | undefined>((a, b) => (a && a.at <= b.at ? a : b), undefined)
}

function describeStep(events: readonly TimedEvent[]): string {
  const names = events.map((event) => event.name)
  return names.length === 1 ? (names[0] ?? '') : `{${names.join(', ')}}`
}

function asItHappened(events: readonly TimedEvent[]): string {
  const sorted = [...events].sort((a, b) => a.at - b.at)
  const origin = sorted[0]?.at ?? 0
  return sorted.map((event) => `${event.name} ${(event.at - origin).toFixed(1)}`).join(', ')
}
