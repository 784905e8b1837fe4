import type { AppResponse } from './types.ts'

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): AppResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: `${JSON.stringify(value)}\n`,
  }
}

/** Every error in the course has this one JSON shape: a code and a sentence. */
export function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): AppResponse {
  return json(status, { error: STATUS_TEXT[status] ?? 'Error', message }, headers)
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
}
