import { STATUS_TEXT } from '../app/responses.ts'
import type { AppResponse } from '../app/types.ts'
import { type ServerTimes, timelineHeader } from '../timeline/header.ts'

export interface EncodeOptions {
  /** When the server took, started and finished the request; sent as `x-timeline`. */
  times?: ServerTimes
  /** Ask the client to close the connection after this response (the blocking server always does). */
  close?: boolean
}

/**
 * Turns an app response into the bytes of an HTTP/1.1 response: status line,
 * headers, a blank line, then exactly Content-Length bytes of body.
 */
export function encodeResponse(response: AppResponse, options: EncodeOptions = {}): Buffer {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body
  const headers: Record<string, string> = {
    ...response.headers,
    'content-length': String(body.byteLength),
    date: new Date().toUTCString(),
  }
  if (options.close ?? true) headers.connection = 'close'
  if (options.times) headers['x-timeline'] = timelineHeader(options.times)

  const reason = STATUS_TEXT[response.status] ?? 'Unknown'
  const lines = [`HTTP/1.1 ${response.status} ${reason}`]
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body])
}
