import {
  EXAMPLE_PORT,
  escapeBytes,
  type RawReply,
  sendRaw,
  unescapeBytes,
} from '@course/common/harness'
import { type Command, parseCommandArgs, wholeNumberFlag } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'

export const send: Command = {
  name: 'send',
  summary: 'send raw bytes to a server (malformed or slow requests curl cannot make)',
  usage: `pnpm course send --raw '<bytes>' [--port ${EXAMPLE_PORT}] [--trickle <ms>] [--end] [--timeout <ms>]

Opens one connection to 127.0.0.1:<port>, writes the bytes exactly as given,
and prints everything the server sends back until it closes the connection.
In <bytes>, \\r \\n \\t \\\\ and \\xHH stand for the bytes they name, so
  pnpm course send --raw 'GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'
sends a whole request. --trickle 100 sends one byte every 100 ms, as a slow
client does; --end closes our sending side after the bytes, as a client that
gives up half way through a request. Test failures print lines like these to reproduce what they sent;
start the server first, e.g. pnpm course serve 01 -- --port ${EXAMPLE_PORT}.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('send', args, {
      raw: { type: 'string' },
      port: { type: 'string', default: String(EXAMPLE_PORT) },
      trickle: { type: 'string' },
      timeout: { type: 'string', default: '10000' },
      end: { type: 'boolean' },
    })
    if (values.raw === undefined) {
      throw new UsageError(
        "send: give the bytes with --raw, e.g. --raw 'GET / HTTP/1.1\\r\\n\\r\\n'",
      )
    }
    if (positionals.length > 0) {
      throw new UsageError(`send: unexpected "${positionals[0]}"; quote the bytes after --raw`)
    }
    const port = wholeNumberFlag('send', '--port', values.port, { min: 1, max: 65_535 })
    const trickleMs =
      values.trickle === undefined
        ? 0
        : wholeNumberFlag('send', '--trickle', values.trickle, { min: 0, max: 60_000 })
    const timeoutMs = wholeNumberFlag('send', '--timeout', values.timeout, { min: 1, max: 600_000 })
    const bytes = unescapeBytes(values.raw)
    const parts = trickleMs > 0 ? [...bytes].map((byte) => Buffer.from([byte])) : [bytes]
    const reply = await sendRaw(port, parts, {
      gapMs: trickleMs,
      timeoutMs,
      halfClose: values.end === true,
    })
    return report(reply, port, timeoutMs)
  },
}

function report(reply: RawReply, port: number, timeoutMs: number): number {
  if (reply.error === 'ECONNREFUSED') {
    console.error(
      `course: nothing answered on 127.0.0.1:${port}; start a server first, e.g. pnpm course serve 01 -- --port ${port}`,
    )
    return 1
  }
  // Escape what is not printable, but keep line breaks readable.
  process.stdout.write(`${escapeBytes(reply.text).replace(/\\r\\n/g, '\\r\\n\n')}\n`)
  const ending = reply.closedByServer
    ? 'the server closed the connection'
    : `still open after ${timeoutMs} ms; gave up`
  console.error(`(${reply.text.length} bytes in ${Math.round(reply.elapsedMs)} ms; ${ending})`)
  return 0
}
