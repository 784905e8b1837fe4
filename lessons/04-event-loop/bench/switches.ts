// Switches per second: two tasks passing a baton back and forth, each pass a
// park and a wake. The same ping-pong runs on your scheduler (virtual clock:
// the scheduler alone, as the microtask queue runs promise reactions without
// looking at I/O; real clock: plus a clock read per turn to decide when to
// let Node poll), with `yield*` (typed answers) and with plain `yield`, and
// as two native async functions awaiting each other.
import { next, type Program, RealClock, Source, VirtualClock } from '#loop'
import type * as Reference from '../solution/scheduler.ts'

type SchedulerClass = typeof Reference.Scheduler

function* pinger(ping: Source<number>, pong: Source<number>, rounds: number): Program<void> {
  for (let i = 0; i < rounds; i++) {
    pong.push(i)
    yield* next(ping)
  }
  pong.close()
}

function* ponger(ping: Source<number>, pong: Source<number>): Program<void> {
  for (let item = yield* next(pong); item !== undefined; item = yield* next(pong)) ping.push(item)
}

/** The same tasks yielding their effects without the star: the answers come back untyped. */
function* plainPinger(ping: Source<number>, pong: Source<number>, rounds: number): Program<void> {
  for (let i = 0; i < rounds; i++) {
    pong.push(i)
    yield next(ping)
  }
  pong.close()
}

function* plainPonger(ping: Source<number>, pong: Source<number>): Program<void> {
  for (let item = yield next(pong); item !== undefined; item = yield next(pong)) {
    ping.push(item as number)
  }
}

export type Yielding = 'yield*' | 'yield'

/** Nanoseconds per switch on the lesson's scheduler. */
export async function schedulerSwitchNs(
  Scheduler: SchedulerClass,
  clock: 'virtual' | 'real',
  rounds: number,
  yielding: Yielding = 'yield*',
): Promise<number> {
  const scheduler = new Scheduler(clock === 'virtual' ? new VirtualClock() : new RealClock())
  const ping = new Source<number>('ping')
  const pong = new Source<number>('pong')
  if (yielding === 'yield*') {
    scheduler.spawn(pinger(ping, pong, rounds))
    scheduler.spawn(ponger(ping, pong))
  } else {
    scheduler.spawn(plainPinger(ping, pong, rounds))
    scheduler.spawn(plainPonger(ping, pong))
  }
  const started = performance.now()
  await scheduler.run()
  return ((performance.now() - started) * 1e6) / (2 * rounds)
}

/** The same baton, between two async functions, through promises. */
class NativeChannel {
  readonly #items: number[] = []
  #waiter: ((item: number | undefined) => void) | undefined
  #closed = false

  push(item: number): void {
    const waiter = this.#waiter
    this.#waiter = undefined
    if (waiter) waiter(item)
    else this.#items.push(item)
  }

  close(): void {
    this.#closed = true
    this.#waiter?.(undefined)
  }

  next(): Promise<number | undefined> {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift())
    if (this.#closed) return Promise.resolve(undefined)
    return new Promise((resolve) => {
      this.#waiter = resolve
    })
  }
}

/** Nanoseconds per switch between two native async functions. */
export async function nativeSwitchNs(rounds: number): Promise<number> {
  const ping = new NativeChannel()
  const pong = new NativeChannel()
  const started = performance.now()
  await Promise.all([
    (async () => {
      for (let i = 0; i < rounds; i++) {
        pong.push(i)
        await ping.next()
      }
      pong.close()
    })(),
    (async () => {
      for (let item = await pong.next(); item !== undefined; item = await pong.next()) {
        ping.push(item)
      }
    })(),
  ])
  return ((performance.now() - started) * 1e6) / (2 * rounds)
}
