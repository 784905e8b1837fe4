import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { impl } from '../lesson.ts'
import type * as Reference from '../solution/timer-heap.ts'

const { TimerHeap } = await impl.load<typeof Reference>('timer-heap.ts')

function drain<T>(heap: Reference.TimerHeap<T>): T[] {
  const out: T[] = []
  for (let timer = heap.pop(); timer; timer = heap.pop()) out.push(timer.value)
  return out
}

describe('TimerHeap', () => {
  it('is empty at first: nothing to peek or pop', () => {
    const heap = new TimerHeap<string>()
    expect(heap.size).toBe(0)
    expect(heap.peek()).toBeUndefined()
    expect(heap.pop()).toBeUndefined()
  })

  it('fires timers in deadline order, whatever the order they were set', () => {
    const heap = new TimerHeap<string>()
    heap.push(30, 'thirty')
    heap.push(10, 'ten')
    heap.push(20, 'twenty')
    expect(heap.peek()?.value).toBe('ten')
    expect(heap.size).toBe(3)
    expect(drain(heap)).toEqual(['ten', 'twenty', 'thirty'])
  })

  it('fires timers with the same deadline in the order they were set', () => {
    const heap = new TimerHeap<string>()
    for (const name of ['a', 'b', 'c', 'd', 'e']) heap.push(5, name)
    heap.push(1, 'first')
    expect(drain(heap)).toEqual(['first', 'a', 'b', 'c', 'd', 'e'])
  })

  it('pops any sequence of deadlines sorted by deadline, then by the order they were set', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (deadlines) => {
        const heap = new TimerHeap<number>()
        deadlines.forEach((deadline, index) => {
          heap.push(deadline, index)
        })
        const expected = deadlines
          .map((deadline, index) => ({ deadline, index }))
          .sort((a, b) => a.deadline - b.deadline || a.index - b.index)
          .map(({ index }) => index)
        expect(drain(heap)).toEqual(expected)
      }),
    )
  })

  it('keeps its order when pushes and pops interleave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), {
          maxLength: 200,
        }),
        (operations) => {
          const heap = new TimerHeap<number>()
          const model: Array<{ deadline: number; seq: number }> = []
          let seq = 0
          for (const operation of operations) {
            if (operation === undefined) {
              model.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq)
              expect(heap.pop()?.value).toBe(model.shift()?.seq)
            } else {
              heap.push(operation, seq)
              model.push({ deadline: operation, seq: seq++ })
            }
            expect(heap.size).toBe(model.length)
          }
        },
      ),
    )
  })
})
