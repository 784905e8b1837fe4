// Where a parked task's bytes go: N tasks asleep, one heap snapshot, and the
// objects that come about once per task (a generator, a task record, an
// effect, a timer entry...) grouped by what V8 calls them, with their sizes.
// The rest of the heap (code, the scheduler's own arrays) is shared by all.

import { setImmediate as turn } from 'node:timers/promises'
import { getHeapSnapshot } from 'node:v8'
import { RealClock } from '#loop'
import type * as Reference from '../solution/scheduler.ts'
import { sleepers } from './parked-memory.ts'
import type { Yielding } from './switches.ts'

type SchedulerClass = typeof Reference.Scheduler

export interface ObjectKind {
  /** V8's name for it: a class or generator function, or an internal array. */
  what: string
  perTask: number
  bytesEach: number
}

/** Object kinds that number at least `n`, as in a parked task of yours, biggest share first. */
export async function bytesByObject(
  Scheduler: SchedulerClass,
  n: number,
  yielding: Yielding,
): Promise<ObjectKind[]> {
  const scheduler = new Scheduler(new RealClock())
  const tasks = Array.from({ length: n }, () => scheduler.spawn(sleepers[yielding]()))
  const done = scheduler.run()
  await turn()
  const kinds = await kindsInHeap()
  for (const task of tasks) scheduler.cancel(task)
  await done
  // V8 names a generator object after its function: one name for both styles.
  const generator = sleepers[yielding].name
  return [...kinds]
    .filter(([, kind]) => kind.count >= n && kind.count < 1.1 * n)
    .map(([what, kind]) => ({
      what: what === generator ? 'the generator object' : what,
      perTask: kind.count / n,
      bytesEach: kind.bytes / n,
    }))
    .sort((a, b) => b.bytesEach - a.bytesEach)
}

/** Count and bytes of each kind of object in this thread's heap. */
async function kindsInHeap(): Promise<Map<string, { count: number; bytes: number }>> {
  let text = ''
  for await (const chunk of getHeapSnapshot()) text += chunk
  const { snapshot, nodes, strings } = JSON.parse(text) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.meta.node_fields
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field))
  const kinds = new Map<string, { count: number; bytes: number }>()
  for (let at = 0; at < nodes.length; at += fields.length) {
    const kind = snapshot.meta.node_types[0][nodes[at + (type ?? 0)] ?? 0]
    const bytes = nodes[at + (size ?? 0)] ?? 0
    // Arrays have no name: their size tells a generator's saved registers from the rest.
    const what =
      kind === 'object' ? (strings[nodes[at + (name ?? 0)] ?? 0] ?? '?') : `(${kind}, ${bytes} B)`
    const entry = kinds.get(what) ?? { count: 0, bytes: 0 }
    entry.count++
    entry.bytes += bytes
    kinds.set(what, entry)
  }
  return kinds
}
