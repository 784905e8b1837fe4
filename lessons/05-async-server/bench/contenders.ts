// The servers lesson 05's benchmarks compare, each in a process of its own:
// node:http running the course's app (the anchor) and the lesson's Koa and
// Hono servers (yours, or the reference with --solution); then the
// frameworks alone (bench/bare-server.ts) beside a bare node:http.
import { fileURLToPath } from 'node:url'
import { serverContender } from '@course/common/bench'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export const ANCHOR = 'node:http'

export const contenders = [
  serverContender({ name: ANCHOR, entry: here('./node-http-anchor.ts') }),
  serverContender({ name: 'Koa', anchor: ANCHOR, entry: here('../bin/serve-koa.ts') }),
  serverContender({ name: 'Hono', anchor: ANCHOR, entry: here('../bin/serve-hono.ts') }),
]

const bare = (kind: 'node' | 'koa' | 'hono', name: string, anchor?: string) =>
  serverContender({
    name,
    ...(anchor ? { anchor } : {}),
    entry: here('./bare-server.ts'),
    env: { BARE_SERVER: kind },
  })

const BARE_ANCHOR = 'bare node:http'

/** The frameworks alone, one waiting handler each: what Koa and Hono cost before any middleware of the course's. */
export const bareContenders = [
  bare('node', BARE_ANCHOR),
  bare('koa', 'bare Koa', BARE_ANCHOR),
  bare('hono', 'bare Hono', BARE_ANCHOR),
]
