// Starts a server in a process of its own. A blocked server must not freeze
// the test's clock, so the client (the test) and the server never share a
// thread. The port comes from listen(0) and a ready message, never a sleep.
import { type ChildProcess, fork } from 'node:child_process'
import { IMPLEMENTATION_ENV } from '../serve/implementation.ts'
import type { ReadyMessage } from '../serve/ready.ts'
import { tsxExecArgv } from '../serve/tsx.ts'
import { HARNESS_MARK, harnessRunId, track, untrack } from './processes.ts'
import { EXAMPLE_PORT } from './reproduce.ts'

export interface StartOptions {
  /** Absolute path of the server's entry file (a .ts file is fine). */
  entry: string
  args?: string[]
  env?: Record<string, string>
  readyTimeoutMs?: number
  /** Which `pnpm course serve` starts the same server, for reproduce lines. */
  course?: { lesson: string; server?: string }
}

export interface ServerProcess {
  port: number
  pid: number
  baseUrl: string
  child: ChildProcess
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` (SIGTERM by default), then SIGKILL if it has not exited after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>
  /** The command that starts this same server on the example port. */
  serveCommand: string
  /** Reproduce lines: start this server, then run `then` in another terminal. */
  reproduce(then: string): string
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child = fork(options.entry, options.args ?? [], {
    execArgv: tsxExecArgv,
    env: { ...process.env, ...options.env, [HARNESS_MARK]: harnessRunId },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  track(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      untrack(child)
      resolve({ code, signal })
    }),
  )

  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 15_000
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The server did not say it was ready within ${timeoutMs} ms.\n${output}`))
    }, timeoutMs)
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return
      clearTimeout(timer)
      resolve(message)
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(
        new Error(
          `The server exited (${signal ?? `code ${code}`}) before it was ready. It printed:\n${indent(output)}`,
        ),
      )
    })
  })
  // The IPC channel was only for the handshake; closing it lets the child exit on its own.
  child.disconnect()

  const serve = serveCommand(options)
  return {
    serveCommand: serve,
    reproduce: (then) => `${serve}\nthen, in another terminal: ${then}`,
    port: ready.port,
    pid: ready.pid,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}

function serveCommand({ course, entry, args = [], env = {} }: StartOptions): string {
  const shown = args.map((arg) => (/^[\w.,:/=-]+$/.test(arg) ? arg : `'${arg}'`))
  const options = ['--port', String(EXAMPLE_PORT), ...shown].join(' ')
  if (!course) return `node --import tsx ${entry} ${options}`
  const impl = env[IMPLEMENTATION_ENV] ?? process.env[IMPLEMENTATION_ENV] ?? 'exercise'
  const words = ['pnpm course serve', course.lesson]
  if (course.server) words.push(`--server ${course.server}`)
  if (impl === 'solution') words.push('--solution')
  // verify and grade run other folders (a mutant, a student's checkout) through the same switch.
  const prefix = impl === 'solution' || impl === 'exercise' ? '' : `${IMPLEMENTATION_ENV}=${impl} `
  return `${prefix}${words.join(' ')} -- ${options}`
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
