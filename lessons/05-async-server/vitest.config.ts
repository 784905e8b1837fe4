import { lessonTestConfig } from '@course/common/vitest'

export default lessonTestConfig()
