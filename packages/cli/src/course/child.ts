// Every command that runs a lesson's code (tests, servers, benchmarks) starts
// it in a Node child process and waits for it here.

import type { StdioOptions } from 'node:child_process'
import { spawn } from 'node:child_process'

export interface ChildOptions {
  cwd?: string
  /** Added to this process's environment. */
  env?: Record<string, string>
  stdio?: StdioOptions
  /** Called with each chunk of the child's stdout, when stdout is a pipe. */
  onStdout?: (text: string) => void
  /** Pass Ctrl-C and SIGTERM on to the child, which decides how to stop. */
  forwardSignals?: boolean
}

/** Runs `node <args>` and resolves with its exit status (1 when a signal ended it). */
export function runNode(args: string[], options: ChildOptions = {}): Promise<number> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.stdio ?? 'inherit',
  })
  child.stdout?.on('data', (chunk: Buffer) => options.onStdout?.(chunk.toString()))
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  if (options.forwardSignals)
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, forward)
  return new Promise((resolve) => {
    child.on('error', () => resolve(1))
    child.on('exit', (code) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 1)
    })
  })
}
