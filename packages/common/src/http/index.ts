export { type EncodeOptions, encodeResponse } from './encode-response.ts'
export { blockingNodeHttpHandler } from './node-http-handler.ts'
