// Exercise 4: the cure for the slow client.
//
// Right now a client that sends its headers slowly holds the server, and
// everyone queued behind it, for as long as it likes. Give every connection a
// fixed budget of `ms` milliseconds to send its request line and headers:
//   - if clear() has not been called by then, answer
//     encodeResponse(errorResponse(408, '...')) and end the socket, which frees
//     the server for the next client;
//   - it is a deadline, counted from the start: a client sending one byte
//     every 100 ms must still be cut off after `ms`. (Why is socket.setTimeout
//     the wrong tool? Read its documentation.)
//
// Until you write it, this deadline never fires: the server works, but the
// slow-client tests fail.
//
// Run: pnpm course test header-deadline     Stuck: pnpm course hint header-deadline
import type { Socket } from 'node:net'
import type { HeaderDeadline } from '#types'

export function armHeaderDeadline(socket: Socket, ms: number): HeaderDeadline {
  return { clear() {} }
}
