// Exercise 1: how a balancer chooses the backend for each request. Each
// picker is pure bookkeeping over what it is shown: no sockets, no clocks of
// its own, so the tests can check every order exactly.
import type { Algorithm, Candidate, Picker, PickerOptions } from '#types'

/** Takes turns: a, b, c, a, b, c... skipping any that is down. */
export function createRoundRobin(): Picker {
  let next = 0
  return {
    pick(candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const index = (next + i) % candidates.length
        const candidate = candidates[index]
        if (candidate && !candidate.down) {
          next = index + 1
          return candidate
        }
      }
      return undefined
    },
    observe() {},
  }
}

/**
 * nginx's smooth weighted round-robin: every pick, each candidate's current
 * weight grows by its weight; the largest wins and pays back the total. With
 * weights 5, 1, 1 a cycle is a a b a c a a: a gets its 5 turns, spread out.
 */
export function createSmoothWeighted(): Picker {
  const current = new Map<string, number>()
  return {
    pick(candidates) {
      let best: (typeof candidates)[number] | undefined
      let total = 0
      for (const candidate of candidates) {
        if (candidate.down) continue
        const weight = (current.get(candidate.name) ?? 0) + candidate.weight
        current.set(candidate.name, weight)
        total += candidate.weight
        if (!best || weight > (current.get(best.name) ?? 0)) best = candidate
      }
      if (best) current.set(best.name, (current.get(best.name) ?? 0) - total)
      return best
    },
    observe() {},
  }
}

/**
 * The fewest requests in flight (per unit of weight). Ties go round-robin:
 * at low load every backend has 0 in flight, and always taking the first
 * would give it everything.
 */
export function createLeastConnections(): Picker {
  let next = 0
  return {
    pick(candidates) {
      let best: (typeof candidates)[number] | undefined
      let bestIndex = 0
      for (let i = 0; i < candidates.length; i++) {
        const index = (next + i) % candidates.length
        const candidate = candidates[index]
        if (!candidate || candidate.down) continue
        if (!best || load(candidate) < load(best)) {
          best = candidate
          bestIndex = index
        }
      }
      if (best) next = bestIndex + 1
      return best
    },
    observe() {},
  }
}

const load = (candidate: Candidate) => candidate.inFlight / candidate.weight

/**
 * Envoy's least-request: two candidates drawn at random, the less loaded
 * wins. Almost as good as scanning them all, and many balancers sharing the
 * same backends do not all rush to the same idle one.
 */
export function createTwoChoices({ random = Math.random }: PickerOptions = {}): Picker {
  return {
    pick(candidates) {
      const [first, second] = drawTwo(candidates, random)
      if (!first || !second) return first
      return load(second) < load(first) ? second : first
    },
    observe() {},
  }
}

/** Two distinct candidates that are up, drawn at random (one when only one is up). */
function drawTwo<C extends Candidate>(candidates: readonly C[], random: () => number): C[] {
  const up = candidates.filter((candidate) => !candidate.down)
  if (up.length < 2) return up
  const i = Math.floor(random() * up.length)
  let j = Math.floor(random() * (up.length - 1))
  if (j >= i) j++
  return [up[i], up[j]].filter((candidate): candidate is C => candidate !== undefined)
}

/**
 * Peak EWMA (Finagle, Linkerd): each backend's cost is its recent latency
 * times (requests in flight + 1). The latency jumps up at once on a slow
 * answer and comes down slowly (time constant decayMs), so a backend that
 * turns slow loses its traffic at once and wins it back gradually. Of two
 * random candidates, the cheaper wins.
 */
export function createPeakEwma({
  random = Math.random,
  now = () => performance.now(),
  decayMs = 10_000,
}: PickerOptions = {}): Picker {
  const latency = new Map<string, { ms: number; at: number }>()
  // A floor of 1 ms, so that requests in flight count even before any latency is known.
  const cost = (candidate: Candidate) =>
    ((latency.get(candidate.name)?.ms ?? 0) + 1) * (candidate.inFlight + 1)
  return {
    pick(candidates) {
      const [first, second] = drawTwo(candidates, random)
      if (!first || !second) return first
      return cost(second) < cost(first) ? second : first
    },
    observe(candidate, latencyMs) {
      const at = now()
      const previous = latency.get(candidate.name)
      if (!previous || latencyMs > previous.ms) {
        latency.set(candidate.name, { ms: latencyMs, at })
        return
      }
      const keep = Math.exp(-(at - previous.at) / decayMs)
      latency.set(candidate.name, { ms: previous.ms * keep + latencyMs * (1 - keep), at })
    },
  }
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
