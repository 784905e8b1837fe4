/**
 * Thrown by the starter code where the learner has work to do. Its message is
 * what the learner sees in a failing test, so it says where to go next rather
 * than pointing into the harness.
 */
export class TodoError extends Error {
  override name = 'TodoError'
}

export function todo(file: string, task: string, exercise: string): never {
  throw new TodoError(
    `Not implemented yet: ${task}\n` +
      `  -> open ${file} and replace this todo() with your code\n` +
      `  -> stuck? pnpm course hint ${exercise}`,
  )
}
