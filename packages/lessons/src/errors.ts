/** A name the learner typed that matches no lesson or exercise: a usage mistake. */
export class UnknownNameError extends Error {
  override name = 'UnknownNameError'
}

/** A lesson.json that cannot be read, parsed or trusted: the course itself is broken. */
export class LessonFileError extends Error {
  override name = 'LessonFileError'
}
