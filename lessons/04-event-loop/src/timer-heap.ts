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
// Write:
//   1. push(deadline, value): add { deadline, seq, value } at the end and move
//      it up while it is due before its parent. `seq` counts up from 0: of two
//      timers with the same deadline, the one set first fires first.
//   2. peek(): the timer due first (index 0), or undefined.
//   3. pop(): remove it: move the last timer to index 0, then down, swapping
//      with its earlier child, until neither child is due before it.
//   4. size: how many timers it holds.
//
// Run: pnpm course test timer-heap     Stuck: pnpm course hint timer-heap
import { todo } from '@course/common/todo'
import type { Timer } from '#types'

const FILE = 'lessons/04-event-loop/src/timer-heap.ts'

export class TimerHeap<T> {
  get size(): number {
    return todo(FILE, 'count the timers in the heap', 'timer-heap')
  }

  push(deadline: number, value: T): Timer<T> {
    return todo(FILE, `add a timer due at ${deadline} (${String(value)})`, 'timer-heap')
  }

  peek(): Timer<T> | undefined {
    return todo(FILE, 'return the timer due first, without removing it', 'timer-heap')
  }

  pop(): Timer<T> | undefined {
    return todo(FILE, 'remove and return the timer due first', 'timer-heap')
  }
}
