// Exercise 2: the timers, in a binary min-heap. The loop asks one question
// many times a turn: "which timer is due first?". A sorted list answers it at
// once but costs O(n) per insertion; a heap answers it at once and costs
// O(log n) per insertion and removal: a million sleeping tasks stay cheap.
//
//            [0] 10 #1                  the array   index: 0    1    2    3    4
//           /         \                             value: 10   20   15   30   25
//      [1] 20 #4    [2] 15 #2           children of i: 2i+1 and 2i+2
//      /     \                          parent of i:   (i-1) >> 1
//  [3] 30   [4] 25                      every parent is due no later than its children
//
// The heap holds the timers themselves, not entries made for them: no object
// per timer, and each timer knows its index, so remove() needs no search.
import type { Timer } from '#types'

export class TimerHeap<T extends Timer> {
  readonly #heap: T[] = []
  #seq = 0

  get size(): number {
    return this.#heap.length
  }

  /** Adds a timer; of timers with the same deadline, the one pushed first comes out first. */
  push(timer: T): void {
    timer.seq = this.#seq++
    this.#place(timer, this.#heap.length)
    this.#siftUp(timer.heapIndex)
  }

  /** The timer due first, left in place. */
  peek(): T | undefined {
    return this.#heap[0]
  }

  /** Removes and returns the timer due first. */
  pop(): T | undefined {
    const first = this.#heap[0]
    if (first) this.remove(first)
    return first
  }

  /** Takes `timer` out wherever it sits (a cancelled sleep). False if it is not in this heap. */
  remove(timer: T): boolean {
    const heap = this.#heap
    const index = timer.heapIndex
    if (heap[index] !== timer) return false
    timer.heapIndex = -1
    const last = heap.pop() as T
    if (last === timer) return true
    // The last timer fills the hole, then moves up or down to where it belongs.
    this.#place(last, index)
    this.#siftUp(index)
    this.#siftDown(last.heapIndex)
    return true
  }

  #place(timer: T, index: number): void {
    this.#heap[index] = timer
    timer.heapIndex = index
  }

  #siftUp(index: number): void {
    const heap = this.#heap
    for (let child = index; child > 0; ) {
      const parent = (child - 1) >> 1
      if (!before(heap[child], heap[parent])) return
      this.#swap(child, parent)
      child = parent
    }
  }

  #siftDown(index: number): void {
    const heap = this.#heap
    for (let parent = index; ; ) {
      const left = 2 * parent + 1
      const right = left + 1
      let first = parent
      if (left < heap.length && before(heap[left], heap[first])) first = left
      if (right < heap.length && before(heap[right], heap[first])) first = right
      if (first === parent) return
      this.#swap(parent, first)
      parent = first
    }
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap
    const held = heap[a]
    const other = heap[b]
    if (held === undefined || other === undefined) return
    this.#place(other, a)
    this.#place(held, b)
  }
}

/** Is `a` due before `b`? By deadline, then in the order they were pushed. */
function before(a: Timer | undefined, b: Timer | undefined): boolean {
  if (a === undefined || b === undefined) return false
  return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq)
}
