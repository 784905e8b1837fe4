// The switch between the learner's code and the reference is part of the
// lesson model (@course/lessons/implementation); servers keep reaching it here.
export {
  IMPLEMENTATION_ENV,
  implementationDir,
  type LessonImplementation,
  lessonImplementation,
} from '@course/lessons/implementation'
