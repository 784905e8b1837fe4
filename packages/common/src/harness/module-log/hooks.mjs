// Module hooks that append every module URL a process or thread loads to the
// file named by COURSE_MODULE_LOG. They only watch: each call hands on to the
// next hook unchanged.
import { appendFileSync } from 'node:fs'

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.COURSE_MODULE_LOG, `${url}\n`)
  return nextLoad(url, context)
}
