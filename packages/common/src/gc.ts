// A full garbage collection on demand, for measuring what live objects hold:
// before and after, the heap then counts no garbage. Node offers `gc()` only
// to a process started with --expose-gc; setting the flag at run time and
// fetching the function from a fresh context gives it without asking whoever
// starts us. Done on the first call, so a process that never measures pays
// nothing at start-up.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: (() => void) | undefined

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}
