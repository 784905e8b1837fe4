import { describe, expect, it } from 'vitest'
import {
  Cancelled,
  cancel,
  join,
  next,
  type Program,
  Source,
  sleep,
  spawn,
  type Task,
  VirtualClock,
} from '#loop'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/scheduler.ts'

const { Scheduler } = await impl.load<typeof Reference>('scheduler.ts')

/** A scheduler on a virtual clock: its tests never read real time, and give the same result on every run. */
const virtual = () => new Scheduler(new VirtualClock())

describe('the scheduler: taking turns', () => {
  it('runs ready tasks in the order they became ready', async () => {
    const scheduler = virtual()
    const log: string[] = []
    function* say(word: string): Program<void> {
      log.push(word)
      yield* sleep(0)
    }
    for (const word of ['first', 'second', 'third']) scheduler.spawn(say(word), word)
    await scheduler.run()
    expect(log, 'a ready queue is first in, first out: fair').toEqual(['first', 'second', 'third'])
  })

  it('lets two tasks that keep giving way alternate', async () => {
    const scheduler = virtual()
    const log: string[] = []
    function* player(name: string): Program<void> {
      for (let round = 0; round < 3; round++) {
        log.push(`${name}${round}`)
        yield* sleep(0)
      }
    }
    scheduler.spawn(player('a'))
    scheduler.spawn(player('b'))
    await scheduler.run()
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2'])
  })

  it('runs a spawned task after the tasks already ready, while its parent carries on', async () => {
    const scheduler = virtual()
    const log: string[] = []
    function* child(): Program<void> {
      log.push('child')
      yield* sleep(0)
    }
    function* parent(): Program<void> {
      yield* spawn(child(), 'child')
      log.push('parent carries on')
    }
    function* other(): Program<void> {
      log.push('other')
      yield* sleep(0)
    }
    scheduler.spawn(parent())
    scheduler.spawn(other())
    await scheduler.run()
    expect(log).toEqual(['parent carries on', 'other', 'child'])
  })
})

describe('the scheduler: timers', () => {
  it('wakes a sleeping task at its deadline, exactly, on the virtual clock', async () => {
    const scheduler = virtual()
    const woke: number[] = []
    function* sleeper(): Program<void> {
      yield* sleep(250)
      woke.push(scheduler.now())
      yield* sleep(100)
      woke.push(scheduler.now())
    }
    scheduler.spawn(sleeper())
    const report = await scheduler.run()
    expect(woke).toEqual([250, 350])
    expect(report.endedAt).toBe(350)
  })

  it('wakes sleepers by deadline, and sleepers with the same deadline in the order they slept', async () => {
    const scheduler = virtual()
    const log: string[] = []
    function* sleeper(name: string, ms: number): Program<void> {
      yield* sleep(ms)
      log.push(name)
    }
    scheduler.spawn(sleeper('late', 30))
    scheduler.spawn(sleeper('early', 10))
    scheduler.spawn(sleeper('tie 1', 20))
    scheduler.spawn(sleeper('tie 2', 20))
    await scheduler.run()
    expect(log).toEqual(['early', 'tie 1', 'tie 2', 'late'])
  })
})

describe('the scheduler: sources, joins and cancellation', () => {
  it('parks a task on a source until an item is pushed, and hands it the item', async () => {
    const scheduler = virtual()
    const mailbox = new Source<string>('mailbox')
    const got: Array<string | undefined> = []
    function* reader(): Program<void> {
      for (let item = yield* next(mailbox); item !== undefined; item = yield* next(mailbox)) {
        got.push(`${item} at ${scheduler.now()}`)
      }
      got.push(`closed at ${scheduler.now()}`)
    }
    function* writer(): Program<void> {
      yield* sleep(10)
      mailbox.push('hello')
      mailbox.push('world')
      yield* sleep(10)
      mailbox.close()
    }
    scheduler.spawn(reader())
    scheduler.spawn(writer())
    const report = await scheduler.run()
    expect(got).toEqual(['hello at 10', 'world at 10', 'closed at 20'])
    expect(report.stuck).toEqual([])
  })

  it('hands a joiner the value its task returned', async () => {
    const scheduler = virtual()
    function* child(): Program<number> {
      yield* sleep(5)
      return 42
    }
    function* parent(): Program<string> {
      const task = yield* spawn(child(), 'child')
      const value = yield* join(task)
      return `child said ${value} at ${scheduler.now()}`
    }
    const task = scheduler.spawn(parent())
    await scheduler.run()
    expect(task.outcome).toEqual({ ok: true, value: 'child said 42 at 5' })
  })

  it('throws the error of a joined task into whoever joins it', async () => {
    const scheduler = virtual()
    function* child(): Program<number> {
      yield* sleep(5)
      throw new Error('child failed')
    }
    function* parent(): Program<string> {
      const task = yield* spawn(child(), 'child')
      try {
        yield* join(task)
        return 'no error'
      } catch (error) {
        return `caught: ${(error as Error).message}`
      }
    }
    const task = scheduler.spawn(parent())
    await scheduler.run()
    expect(task.outcome).toEqual({ ok: true, value: 'caught: child failed' })
  })

  it('throws a Cancelled into a cancelled task at its yield, so its finally blocks run', async () => {
    const scheduler = virtual()
    const log: string[] = []
    function* worker(): Program<void> {
      try {
        log.push('working')
        yield* sleep(1_000)
        log.push('slept the whole second')
      } finally {
        log.push(`finally at ${scheduler.now()}`)
      }
    }
    function* boss(): Program<void> {
      const task = yield* spawn(worker(), 'worker')
      yield* sleep(10)
      yield* cancel(task)
      try {
        yield* join(task)
      } catch (error) {
        log.push(`joined: ${error instanceof Cancelled ? 'Cancelled' : String(error)}`)
      }
    }
    scheduler.spawn(boss())
    const report = await scheduler.run()
    expect(log).toEqual(['working', 'finally at 10', 'joined: Cancelled'])
    expect(report.endedAt, 'a cancelled sleeper must not keep the loop alive').toBe(10)
  })

  it('ends when nothing can run, and reports the tasks stuck on a source nobody pushes', async () => {
    const scheduler = virtual()
    const silent = new Source<string>('silent')
    function* waiter(): Program<void> {
      yield* next(silent)
    }
    function* joiner(task: Task): Program<void> {
      yield* join(task)
    }
    const stuck = scheduler.spawn(waiter(), 'waiter')
    scheduler.spawn(joiner(stuck), 'joiner')
    const report = await scheduler.run()
    const said = new Map(report.stuck.map(({ task, waitingFor }) => [task.name, waitingFor]))
    expect([...said.keys()].sort()).toEqual(['joiner', 'waiter'])
    expect(said.get('waiter'), 'say which source it waits on').toContain('silent')
    expect(said.get('joiner'), 'say which task it joins').toContain('waiter')
  })
})
