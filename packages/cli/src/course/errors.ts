import { LessonFileError, UnknownNameError } from '@course/lessons/errors'

/** A mistake in how the command was called: printed as one line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Something that failed though the command was called rightly: one line, exit status 1. */
export class Failure extends Error {
  override name = 'Failure'
}

/**
 * Every error the command can meet, as the one line a learner reads and the
 * exit status a script reads: 2 when the command was called wrongly, 1 when
 * it was called rightly and something failed. Never a stack trace: that
 * points into the course's code, not at what to do next.
 */
export function explain(error: unknown): { line: string; status: 1 | 2 } {
  if (error instanceof UsageError || error instanceof UnknownNameError) {
    return { line: error.message, status: 2 }
  }
  if (error instanceof Failure) return { line: error.message, status: 1 }
  if (error instanceof LessonFileError) {
    return { line: `${error.message} (the course itself needs fixing)`, status: 1 }
  }
  const { code, path, message } = error as NodeJS.ErrnoException
  if (path && (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM')) {
    return {
      line: `cannot read ${path} (${code}); check that it exists and is readable`,
      status: 1,
    }
  }
  const what = message ?? String(error)
  return {
    line: `${what.split('\n')[0]} (unexpected: COURSE_DEBUG=1 pnpm course ... shows where it came from)`,
    status: 1,
  }
}
