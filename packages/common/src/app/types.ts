/** A parsed HTTP request, as every server in the course hands it to the app. */
export interface AppRequest {
  method: string
  /** The request target as sent: path and query, e.g. `/io?ms=100`. */
  target: string
  /** Header names in lower case. */
  headers: Record<string, string>
  body: Uint8Array
}

export interface AppResponse {
  status: number
  headers: Record<string, string>
  body: string | Uint8Array
}

/**
 * What the app asks its server to do on its behalf. The app never sleeps or
 * computes by itself: it yields an effect, and the server decides how to carry
 * it out (block the thread, await a timer, hand it to a thread pool). That is
 * the whole difference between the servers of this course.
 */
export type Effect = { type: 'wait'; ms: number } | { type: 'cpu'; units: number }
