/** The message a shape fails with, for tests of the shapes; throws if the shape passes. */
export function messageOf(assertion: () => void): string {
  try {
    assertion()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('expected the shape to fail, and it passed')
}
