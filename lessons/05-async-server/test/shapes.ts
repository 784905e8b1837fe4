// The shape of an async server: every request of a burst in flight at the same
// time, all on the one thread of the one process.
import { failure, type Reproduce } from '@course/common/harness'
import { maxConcurrent, type Span, workersSeen } from '@course/common/timeline'

/** All `spans` were served at one instant (server-side timestamps), by a single worker. */
export function expectAllAtOnceOnOneThread(spans: Span[], how: Reproduce): void {
  const overlap = maxConcurrent(spans)
  const seen = workersSeen(spans)
  const ok = spans.filter((span) => span.status === 200).length
  if (ok === spans.length && overlap === spans.length && seen.length === 1) return
  throw failure({
    expected: `${spans.length} requests answered 200, all in flight at once, by one worker (one pid, one thread)`,
    actual: `${ok} answered 200; at most ${overlap} in flight at once, by ${seen.length} worker(s) (${seen.join(', ')})`,
    ...how,
  })
}
