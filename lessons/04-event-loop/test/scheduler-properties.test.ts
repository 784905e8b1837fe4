// Random programs of spawns, sleeps and joins, run on the virtual clock. Each
// property holds for every program fast-check can think of; when one fails it
// prints the smallest program that breaks it.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { join, type Program, sleep, spawn, type Task, VirtualClock } from '#loop'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/scheduler.ts'

const { Scheduler } = await impl.load<typeof Reference>('scheduler.ts')

type Action =
  | { kind: 'sleep'; ms: number }
  | { kind: 'spawn'; plan: Plan }
  /** Join one of the children spawned so far (by index, modulo how many there are). */
  | { kind: 'join'; pick: number }
interface Plan {
  actions: Action[]
}

const plans = fc.letrec<{ plan: Plan; action: Action }>((tie) => ({
  plan: fc.record({ actions: fc.array(tie('action'), { maxLength: 5 }) }),
  action: fc.oneof(
    { maxDepth: 3 },
    fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ kind: fc.constant('join' as const), pick: fc.nat(10) }),
    fc.record({ kind: fc.constant('spawn' as const), plan: tie('plan') }),
  ),
})).plan

type Event =
  /** `slept` numbers the sleeps in the order they were asked for, across all tasks. */
  | { task: string; kind: 'woke'; at: number; deadline: number; slept: number }
  | { task: string; kind: 'joined'; at: number; child: Task }
  | { task: string; kind: 'done'; at: number }

/** Runs a random program from the start of the virtual clock; returns what happened. */
async function play(root: Plan) {
  const scheduler = new Scheduler(new VirtualClock())
  const events: Event[] = []
  const names: string[] = []
  let sleeps = 0
  function* perform(plan: Plan, name: string): Program<void> {
    names.push(name)
    const children: Task[] = []
    for (const action of plan.actions) {
      if (action.kind === 'sleep') {
        const deadline = scheduler.now() + action.ms
        const slept = sleeps++
        yield* sleep(action.ms)
        events.push({ task: name, kind: 'woke', at: scheduler.now(), deadline, slept })
      } else if (action.kind === 'spawn') {
        const child = `${name}.${children.length}`
        children.push(yield* spawn(perform(action.plan, child), child))
      } else {
        const child = children[action.pick % Math.max(1, children.length)]
        if (!child) continue
        yield* join(child)
        events.push({ task: name, kind: 'joined', at: scheduler.now(), child })
      }
    }
    events.push({ task: name, kind: 'done', at: scheduler.now() })
  }
  scheduler.spawn(perform(root, 'main'), 'main')
  const report = await scheduler.run()
  return { events, names, report }
}

describe('the scheduler on random programs of spawns, sleeps and joins', () => {
  it('never wakes a task before its deadline (nor after it: the virtual clock jumps to it)', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const { events } = await play(plan)
        for (const event of events) {
          if (event.kind === 'woke') expect(event.at).toBe(event.deadline)
        }
      }),
    )
  })

  it('runs sleepers whose timers fall due together in the order they went to sleep: first in, first out', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const { events } = await play(plan)
        const woke = events.flatMap((event) => (event.kind === 'woke' ? [event] : []))
        const fair = [...woke].sort((a, b) => a.deadline - b.deadline || a.slept - b.slept)
        const shown = (list: typeof woke) =>
          list.map((event) => `${event.task} (due ${event.deadline}, sleep #${event.slept})`)
        expect(shown(woke), 'by deadline, then in the order they slept').toEqual(shown(fair))
      }),
    )
  })

  it('runs every task to its end: none is left behind', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const { events, names, report } = await play(plan)
        const done = events.filter((event) => event.kind === 'done').map((event) => event.task)
        expect(done.sort()).toEqual([...names].sort())
        expect(report.stuck).toEqual([])
      }),
    )
  })

  it('resumes a joiner only once the task it joined has finished', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const { events } = await play(plan)
        for (const event of events) {
          if (event.kind === 'joined')
            expect(event.child.outcome).toEqual({ ok: true, value: undefined })
        }
        // And the child's end came first in the log.
        const doneAt = new Map<string, number>()
        events.forEach((event, index) => {
          if (event.kind === 'done') doneAt.set(event.task, index)
        })
        events.forEach((event, index) => {
          if (event.kind === 'joined') expect(doneAt.get(event.child.name)).toBeLessThan(index)
        })
      }),
    )
  })

  it('ends exactly when nothing can run: at the time of the last thing that happened', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const { events, report } = await play(plan)
        const last = Math.max(0, ...events.map((event) => event.at))
        expect(report.endedAt).toBe(last)
      }),
    )
  })
})
