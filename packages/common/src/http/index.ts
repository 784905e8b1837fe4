// For servers that write their own headers (Koa, Hono): the x-timeline value alone.
export { type ServerTimes, timelineHeader } from '../timeline/header.ts'
export { type EncodeOptions, encodeResponse } from './encode-response.ts'
export { hasBody } from './has-body.ts'
export { asyncNodeHttpHandler, blockingNodeHttpHandler } from './node-http-handler.ts'
