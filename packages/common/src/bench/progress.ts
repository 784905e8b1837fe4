// A benchmark that runs for minutes says how far it has got, on stderr, so
// that its stdout stays the table. A short one says nothing: the first line
// appears only once the run is a few seconds old.

export interface ProgressSink {
  isTTY?: boolean
  write(text: string): unknown
}

export class Progress {
  readonly #total: number
  readonly #sink: ProgressSink
  readonly #quietMs: number
  readonly #started = performance.now()
  #done = 0
  #lastLine = Number.NEGATIVE_INFINITY
  #shown = false

  constructor(total: number, sink: ProgressSink = process.stderr, quietMs = 3000) {
    this.#total = total
    this.#sink = sink
    this.#quietMs = quietMs
  }

  /** One more measurement done; `what` says which, e.g. "W = 2, round 3". */
  step(what: string): void {
    this.#done++
    const elapsed = performance.now() - this.#started
    if (elapsed < this.#quietMs) return
    // A terminal redraws one line in place; a log gets a line every few seconds.
    if (!this.#sink.isTTY && elapsed - this.#lastLine < 5000 && this.#done < this.#total) return
    this.#lastLine = elapsed
    this.#shown = true
    const left = (elapsed / this.#done) * (this.#total - this.#done)
    const line = `${this.#done}/${this.#total} measured, ${seconds(elapsed)} so far, about ${seconds(left)} left; ${what}`
    this.#sink.write(this.#sink.isTTY ? `\r\x1b[K${line}` : `${line}\n`)
  }

  finish(): void {
    if (this.#shown && this.#sink.isTTY) this.#sink.write('\n')
  }
}

function seconds(ms: number): string {
  return ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`
}
