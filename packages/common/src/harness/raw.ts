import { connect } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'

export interface RawReply {
  /** Status code of the first response, or 0 when none came. */
  status: number
  headers: Record<string, string>
  body: Buffer
  /** Everything the server sent, as text, for failure messages. */
  text: string
  /** The server closed the connection (rather than our timeout ending the wait). */
  closedByServer: boolean
  elapsedMs: number
  /** The socket's error code, if it had one (ECONNREFUSED: nothing listens on the port). */
  error?: string
}

export interface RawOptions {
  /** Pause between parts, to play a slow client. */
  gapMs?: number
  /** Give up waiting for the server after this long. */
  timeoutMs?: number
  /** Close our sending side after the last part, as a client that gives up mid-request. */
  halfClose?: boolean
}

/**
 * Writes bytes to a server exactly as given, part by part, and reads until the
 * server closes. This is how tests send what no HTTP client would: malformed
 * lines, huge headers, a request that trickles in one byte at a time.
 */
export async function sendRaw(
  port: number,
  parts: ReadonlyArray<string | Buffer>,
  { gapMs = 0, timeoutMs = 5_000, halfClose = false }: RawOptions = {},
): Promise<RawReply> {
  const started = performance.now()
  const socket = connect({ host: '127.0.0.1', port })
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  // A server may answer and close before we finish writing (a 413, say); that is not our failure,
  // so an error is only noted for the caller.
  let error: string | undefined
  socket.on('error', (cause: NodeJS.ErrnoException) => {
    error ??= cause.code ?? cause.message
  })
  const closed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(false)
    }, timeoutMs)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })

  await new Promise<void>((resolve) => {
    socket.once('connect', resolve)
    socket.once('close', resolve)
  })
  for (const [index, part] of parts.entries()) {
    if (socket.destroyed || socket.writableEnded) break
    if (index > 0 && gapMs > 0) await delay(gapMs)
    if (!socket.destroyed) socket.write(part)
  }
  if (halfClose && !socket.destroyed) socket.end()
  const closedByServer = await closed
  const raw = Buffer.concat(chunks)
  const elapsedMs = performance.now() - started
  return { ...parseResponse(raw), closedByServer, elapsedMs, ...(error ? { error } : {}) }
}

function parseResponse(raw: Buffer): Pick<RawReply, 'status' | 'headers' | 'body' | 'text'> {
  const text = raw.toString('latin1')
  const headEnd = raw.indexOf('\r\n\r\n')
  const head = headEnd === -1 ? text : text.slice(0, headEnd)
  const [statusLine = '', ...headerLines] = head.split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0)
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const body = headEnd === -1 ? Buffer.alloc(0) : raw.subarray(headEnd + 4)
  return { status, headers, body, text }
}
