// Piscina's threads load their task as plain JavaScript: register tsx in the
// thread first, then hand Piscina the same task module our pool runs.
import { register } from 'tsx/esm/api'

register()
const { default: handle } = await import('../../threads/app-task.ts')

export default handle
