import { spawn, spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../../bin/course.js', import.meta.url))

/** Runs `course send` asynchronously, so a server in this process can answer it. */
function courseSend(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, 'send', ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })))
}

let server: Server | undefined
afterEach(() => server?.close())

/** A server that records what it received, one byte per arrival, and answers once it has `expected` bytes. */
function listen(
  expected: number,
): Promise<{ port: number; arrivals: number[]; received: Buffer[] }> {
  const arrivals: number[] = []
  const received: Buffer[] = []
  server = createServer((socket) => {
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk)
      arrivals.push(performance.now())
      if (Buffer.concat(received).length >= expected) socket.end('HTTP/1.1 204 No Content\r\n\r\n')
    })
  })
  return new Promise((resolve) =>
    server?.listen(0, '127.0.0.1', () => {
      const address = server?.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        arrivals,
        received,
      })
    }),
  )
}

describe('course send', () => {
  it('writes the escaped bytes exactly and prints the reply', async () => {
    const target = await listen(6)
    const { code, out } = await courseSend(
      '--port',
      String(target.port),
      '--raw',
      'A\\r\\n\\x00\\\\Z',
    )
    expect(code).toBe(0)
    expect(Buffer.concat(target.received).toString('latin1')).toBe('A\r\n\x00\\Z')
    expect(out).toContain('HTTP/1.1 204 No Content')
  })

  it('trickles one byte at a time when asked', async () => {
    const target = await listen(4)
    const { code } = await courseSend(
      '--port',
      String(target.port),
      '--raw',
      'ABCD',
      '--trickle',
      '60',
    )
    expect(code).toBe(0)
    expect(target.received).toHaveLength(4)
    // Three gaps of 60 ms: the server saw the bytes spread over most of that.
    expect((target.arrivals.at(-1) ?? 0) - (target.arrivals[0] ?? 0)).toBeGreaterThan(120)
  })

  it('says in one line that nothing listens, with exit status 1', async () => {
    const target = await listen(1)
    await new Promise((resolve) => server?.close(resolve))
    const { code, err } = await courseSend('--port', String(target.port), '--raw', 'x')
    expect(code).toBe(1)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain(`nothing answered on 127.0.0.1:${target.port}`)
  })

  it('refuses a missing --raw and a bad port with exit status 2', () => {
    for (const args of [[], ['--raw', 'x', '--port', 'http']]) {
      const result = spawnSync(process.execPath, [bin, 'send', ...args], { encoding: 'utf8' })
      expect(result.status).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})
