// What a pool thread and the main thread say to each other. Both sides import
// these types, so a message one side posts is one the other knows how to read.

/** Main thread -> pool thread: run this task (one at a time). */
export interface TaskMessage<Task> {
  type: 'task'
  task: Task
}

/** Pool thread -> main thread. */
export type ThreadMessage<Result> =
  /** Once, when its task module has loaded: it can take tasks. */
  | { type: 'ready' }
  /** The task returned (or its promise resolved) with `value`. */
  | { type: 'result'; ok: true; value: Result }
  /** The task threw; `message` is its error's. */
  | { type: 'result'; ok: false; message: string }
