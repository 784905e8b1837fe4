// Exercise 2: the timers. The loop asks "which timer is due first?" at every
// turn. A sorted array answers at once but costs O(n) for each new timer; a
// binary min-heap answers at once and costs O(log n) to add or remove one, so
// a million sleeping tasks stay cheap. Keep the timers in one array where
// every parent is due no later than its two children:
//
//            [0] 10                 children of i: 2i + 1 and 2i + 2
//           /      \                parent of i:   (i - 1) >> 1
//      [1] 20      [2] 15
//      /    \
//  [3] 30  [4] 25
//
// The heap holds the timers themselves (a sleeping task is its own timer):
// no object is made per timer. Each timer (see Timer in ../types.ts) carries
// its `deadline`, and two fields the heap fills in: `seq`, and `heapIndex`,
// its place in the array (-1 when it is in no heap). Keep `heapIndex` true
// on every move, and remove() needs no search.
//
// Write:
//   1. push(timer): set its `seq` (counting up from 0: of two timers with the
//      same deadline, the one pushed first comes out first), put it at the
//      end, and move it up while it is due before its parent.
//   2. peek(): the timer due first (index 0), or undefined.
//   3. remove(timer): take it out from wherever it sits: move the last timer
//      into its place, then up or down to where that one belongs; set the
//      removed timer's heapIndex to -1. False if it is not in this heap.
//   4. pop(): remove the timer due first and return it (its heapIndex -1,
//      as for any timer that leaves the heap).
//   5. size: how many timers it holds.
//
// Run: pnpm course test timer-heap     Stuck: pnpm course hint timer-heap
import { todo } from '@course/common/todo'
import type { Timer } from '#types'

const FILE = 'lessons/04-event-loop/src/timer-heap.ts'

export class TimerHeap<T extends Timer> {
  get size(): number {
    return todo(FILE, 'count the timers in the heap', 'timer-heap')
  }

  push(timer: T): void {
    todo(FILE, `add a timer due at ${timer.deadline}`, 'timer-heap')
  }

  peek(): T | undefined {
    return todo(FILE, 'return the timer due first, without removing it', 'timer-heap')
  }

  remove(timer: T): boolean {
    return todo(FILE, `take out the timer due at ${timer.deadline}, wherever it sits`, 'timer-heap')
  }

  pop(): T | undefined {
    return todo(FILE, 'remove and return the timer due first', 'timer-heap')
  }
}
