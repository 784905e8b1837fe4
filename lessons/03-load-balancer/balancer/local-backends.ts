// For `pnpm course serve 03` without a config file: start W of lesson 01's
// blocking servers as child processes, and name them a, b, c...
import { type ChildProcess, fork } from 'node:child_process'
import type { ReadyMessage } from '@course/common/serve'
import { tsxExecArgv } from '@course/common/serve'
import { blockingBackendFile } from '../backends/index.ts'
import type { BackendConfig } from './backend.ts'

export interface LocalBackends {
  backends: BackendConfig[]
  children: ChildProcess[]
}

export async function startLocalBackends(count: number): Promise<LocalBackends> {
  const children = Array.from({ length: count }, () =>
    fork(blockingBackendFile, ['--exit-with-parent', '1'], {
      execArgv: tsxExecArgv,
      env: { ...process.env, COURSE_IMPL: 'solution' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const ports = await Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolve, reject) => {
          child.on('message', (message: ReadyMessage) => {
            if (message?.type === 'ready') resolve(message.port)
          })
          child.once('exit', (code) => reject(new Error(`a backend exited with code ${code}`)))
        }),
    ),
  )
  const backends = ports.map((port, i) => ({
    name: String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(i) : ''),
    url: `http://127.0.0.1:${port}`,
  }))
  return { backends, children }
}
