import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/timer-heap.ts'
import type { Timer } from '../types.ts'

const { TimerHeap } = await impl.load<typeof Reference>('timer-heap.ts')

/** A timer as the scheduler's tasks are: the heap fills in seq and heapIndex. */
interface Named extends Timer {
  name: string
}

function timer(deadline: number, name: string): Named {
  return { deadline, name, seq: 0, heapIndex: -1 }
}

function drain(heap: Reference.TimerHeap<Named>): string[] {
  const out: string[] = []
  for (let next = heap.pop(); next; next = heap.pop()) out.push(next.name)
  return out
}

/** The order the timers must come out in: by deadline, then in the order they were pushed. */
function sorted(pushed: Named[]): string[] {
  return pushed
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.deadline - b.entry.deadline || a.order - b.order)
    .map(({ entry }) => entry.name)
}

describe('TimerHeap', () => {
  it('is empty at first: nothing to peek or pop', () => {
    const heap = new TimerHeap<Named>()
    expect(heap.size).toBe(0)
    expect(heap.peek()).toBeUndefined()
    expect(heap.pop()).toBeUndefined()
  })

  it('fires timers in deadline order, whatever the order they were set', () => {
    const heap = new TimerHeap<Named>()
    heap.push(timer(30, 'thirty'))
    heap.push(timer(10, 'ten'))
    heap.push(timer(20, 'twenty'))
    expect(heap.peek()?.name).toBe('ten')
    expect(heap.size).toBe(3)
    expect(drain(heap)).toEqual(['ten', 'twenty', 'thirty'])
  })

  it('fires timers with the same deadline in the order they were set', () => {
    const heap = new TimerHeap<Named>()
    for (const name of ['a', 'b', 'c', 'd', 'e']) heap.push(timer(5, name))
    heap.push(timer(1, 'first'))
    expect(drain(heap)).toEqual(['first', 'a', 'b', 'c', 'd', 'e'])
  })

  it('keeps each timer told where it sits, and -1 once it is out', () => {
    const heap = new TimerHeap<Named>()
    const timers = [30, 10, 20, 5, 25].map((deadline) => timer(deadline, `t${deadline}`))
    for (const each of timers) heap.push(each)
    const places = timers.map((each) => each.heapIndex).sort()
    expect(places).toEqual([0, 1, 2, 3, 4])
    expect(heap.peek()?.heapIndex).toBe(0)
    const first = heap.pop()
    expect(first?.heapIndex).toBe(-1)
  })

  it('removes a timer from the middle, and the rest still come out in order', () => {
    const heap = new TimerHeap<Named>()
    const timers = [50, 10, 40, 20, 30, 60].map((deadline) => timer(deadline, `t${deadline}`))
    for (const each of timers) heap.push(each)
    const forty = timers[2] as Named
    expect(heap.remove(forty)).toBe(true)
    expect(forty.heapIndex).toBe(-1)
    expect(heap.size).toBe(5)
    expect(heap.remove(forty)).toBe(false)
    expect(drain(heap)).toEqual(['t10', 't20', 't30', 't50', 't60'])
  })

  it('moves the timer that fills a removed place up when it is due before its new parent', () => {
    const heap = new TimerHeap<Named>()
    //          1                 remove 11: the last timer, 4, fills its place,
    //       /     \              under 10. Moved only down, 4 would stay there
    //     10       2             and, once more timers are pushed behind it,
    //    /  \     / \            come out after 10.
    //  11    12  3   4
    const timers = [1, 10, 2, 11, 12, 3, 4].map((deadline) => timer(deadline, `t${deadline}`))
    for (const each of timers) heap.push(each)
    heap.remove(timers[3] as Named)
    heap.push(timer(20, 't20'))
    heap.push(timer(21, 't21'))
    expect(drain(heap)).toEqual(['t1', 't2', 't3', 't4', 't10', 't12', 't20', 't21'])
  })

  it('refuses to remove a timer it does not hold', () => {
    const heap = new TimerHeap<Named>()
    const other = new TimerHeap<Named>()
    const stranger = timer(5, 'stranger')
    other.push(stranger)
    heap.push(timer(5, 'own'))
    expect(heap.remove(stranger)).toBe(false)
    expect(heap.size).toBe(1)
    expect(other.size).toBe(1)
  })

  it('pops any sequence of deadlines sorted by deadline, then by the order they were set', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (deadlines) => {
        const heap = new TimerHeap<Named>()
        const pushed = deadlines.map((deadline, index) => timer(deadline, String(index)))
        for (const each of pushed) heap.push(each)
        expect(drain(heap)).toEqual(sorted(pushed))
      }),
    )
  })

  it('keeps its order when pushes, pops and removals interleave', () => {
    // Pushes weigh most, so the heap grows a few levels deep between removals.
    const operation = fc.oneof(
      { arbitrary: fc.record({ push: fc.integer({ min: 0, max: 50 }) }), weight: 4 },
      { arbitrary: fc.constant({ pop: true }), weight: 1 },
      { arbitrary: fc.record({ remove: fc.nat() }), weight: 2 },
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const heap = new TimerHeap<Named>()
        let model: Named[] = []
        let count = 0
        for (const step of operations) {
          if ('push' in step) {
            const each = timer(step.push, String(count++))
            heap.push(each)
            model.push(each)
          } else if ('pop' in step) {
            const expected = sorted(model)[0]
            expect(heap.pop()?.name).toBe(expected)
            model = model.filter((each) => each.name !== expected)
          } else if (model.length > 0) {
            const victim = model[step.remove % model.length] as Named
            expect(heap.remove(victim)).toBe(true)
            model = model.filter((each) => each !== victim)
          }
          expect(heap.size).toBe(model.length)
          expect(heap.peek()?.name).toBe(sorted(model)[0])
        }
      }),
    )
  })
})
