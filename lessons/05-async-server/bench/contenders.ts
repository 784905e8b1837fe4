// The servers lesson 05's benchmarks compare: bare node:http (the anchor),
// and the lesson's Koa and Hono servers (yours, or the reference with
// --solution), each in a process of its own.
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

/** The frameworks alone, one waiting handler each: what Koa and Hono cost before any middleware of the course's. */
export const BARE_ANCHOR = 'bare node:http'
export const bareContenders = [
  bare('node', BARE_ANCHOR),
  bare('koa', 'bare Koa', BARE_ANCHOR),
  bare('hono', 'bare Hono', BARE_ANCHOR),
]
