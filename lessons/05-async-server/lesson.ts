import { lessonImplementation } from '@course/common/serve'

/** This lesson's code: src/ by default, solution/ with COURSE_IMPL=solution. */
export const impl = lessonImplementation(import.meta.url)
