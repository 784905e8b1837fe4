// Exercise 1: pick a backend.
//
// A balancer's first job is to choose, for each request, which backend gets
// it. Each picker below is pure bookkeeping over the candidates it is shown
// (name, weight, down, inFlight: see Candidate in ../types.ts): no sockets,
// no timers, so the tests can check every order exactly. Every picker skips
// a candidate that is `down`, and returns undefined when all of them are.
//
//   1. createRoundRobin: a, b, c, a, b, c...
//   2. createSmoothWeighted: nginx's smooth weighted round-robin. Weights
//      5, 1, 1 give a a b a c a a, not a a a a a b c. Keep a "current weight"
//      per candidate (a Map by name). Each pick: add every candidate's weight
//      to its current weight; the largest current weight wins (the first one
//      on a tie); the winner's current weight drops by the sum of the weights.
//   3. createLeastConnections: the fewest requests in flight per unit of
//      weight (inFlight / weight). Break ties round-robin: start looking just
//      after the one you picked last, or an idle pool sends everything to a.
//   4. createTwoChoices: draw two different candidates that are up, with
//      `random()` (in [0, 1)), and take the one with less in flight.
//   5. createPeakEwma: the same two random choices, but the cost of a
//      candidate is (its latency estimate + 1) x (inFlight + 1). observe()
//      feeds the estimate: a slower answer replaces it at once (the peak);
//      a faster one moves it by a fraction 1 - exp(-elapsed / decayMs) of the
//      way, where elapsed is the time (from `now()`) since the last update.
//
// Run: pnpm course test pickers     Stuck: pnpm course hint pickers
import { todo } from '@course/common/todo'
import type { Algorithm, Picker, PickerOptions } from '#types'

const file = 'lessons/03-load-balancer/src/pickers.ts'

export function createRoundRobin(): Picker {
  return todo(file, 'take turns: a, b, c, a, b, c...', 'pickers')
}

export function createSmoothWeighted(): Picker {
  return todo(file, 'smooth weighted round-robin: weights 5, 1, 1 give a a b a c a a', 'pickers')
}

export function createLeastConnections(): Picker {
  return todo(file, 'the fewest in flight, ties broken round-robin', 'pickers')
}

export function createTwoChoices(options: PickerOptions = {}): Picker {
  return todo(file, 'two random candidates, the less loaded wins', 'pickers')
}

export function createPeakEwma(options: PickerOptions = {}): Picker {
  return todo(file, 'two random candidates, the cheaper by peak EWMA wins', 'pickers')
}

export function createPicker(algorithm: Algorithm, options: PickerOptions = {}): Picker {
  switch (algorithm) {
    case 'round-robin':
      return createRoundRobin()
    case 'weighted':
      return createSmoothWeighted()
    case 'least-connections':
      return createLeastConnections()
    case 'two-choices':
      return createTwoChoices(options)
    case 'peak-ewma':
      return createPeakEwma(options)
  }
}
