// Why a pool refused or stopped a task, or could not start. The threaded
// server turns each task error into a status: a full queue is 503, a timeout
// 504; an aborted task has no one left to answer.

export class QueueFullError extends Error {
  override name = 'QueueFullError'
}

export class TaskTimeoutError extends Error {
  override name = 'TaskTimeoutError'
}

export class TaskAbortedError extends Error {
  override name = 'TaskAbortedError'
}

export class PoolClosedError extends Error {
  override name = 'PoolClosedError'
}

/** The task itself threw, inside its thread; the message is the thread's. */
export class TaskFailedError extends Error {
  override name = 'TaskFailedError'
}

/**
 * Workers keep dying before they are ready: restarting them again would only
 * loop for ever (gunicorn's arbiter halts too). The message ends with what the
 * last one printed.
 */
export class BootFailedError extends Error {
  override name = 'BootFailedError'
}
