import type { Span } from './span.ts'

/**
 * Collects spans as requests finish, in completion order, and numbers them.
 * The load client records into one; the renderers read from it.
 */
export class TimelineRecorder {
  readonly #spans: Span[] = []

  record(span: Omit<Span, 'id'>): Span {
    const recorded = { ...span, id: this.#spans.length + 1 }
    this.#spans.push(recorded)
    return recorded
  }

  /** Spans ordered by the time they were sent, which is how a waterfall reads. */
  spans(): Span[] {
    return [...this.#spans].sort((a, b) => a.sent - b.sent || a.id - b.id)
  }
}
