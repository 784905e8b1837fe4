import type { IncomingHttpHeaders } from 'node:http'

/** One line of a recording backend's output. */
export type BackendEvent =
  | { event: 'connection' }
  | { event: 'request'; method: string; target: string; headers: IncomingHttpHeaders }
  /** SIGUSR2 turned its health check to 200 (healthy) or 503. */
  | { event: 'health'; healthy: boolean }

/** The events in what a recording backend printed (other lines are ignored). */
export function backendEvents(output: string): BackendEvent[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{"event"'))
    .map((line) => JSON.parse(line) as BackendEvent)
}
