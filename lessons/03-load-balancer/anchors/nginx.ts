// nginx, the production anchor, started by a test: its own process on a free
// loopback port, with a config written into a temporary folder (never the
// system's nginx). Tests that need it skip when it is not installed.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

export const INSTALL_NGINX =
  'nginx not found, so the side-by-side tests are skipped: install it with `sudo apt-get install nginx-light` (Debian, Ubuntu) or `brew install nginx` (macOS)'

/** The nginx binary, or undefined when none is installed. */
export function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' })
      return candidate
    } catch {}
  }
  return undefined
}

export interface NginxOptions {
  backends: Array<{ port: number; weight?: number }>
  /** Idle upstream connections kept per worker (`keepalive`). */
  keepalive?: number
}

export interface Nginx {
  port: number
  baseUrl: string
  stop(): Promise<void>
}

/** The upstream block the lesson's balancer imitates: nginx's defaults, said out loud. */
export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  const servers = options.backends
    .map(
      ({ port: backend, weight = 1 }) =>
        `    server 127.0.0.1:${backend} weight=${weight} max_fails=1 fail_timeout=10s;`,
    )
    .join('\n')
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  upstream backends {
${servers}
    keepalive ${options.keepalive ?? 8};
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://backends;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
    }
  }
}
`
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startNginx(binary: string, options: NginxOptions): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'course-nginx-'))
  const port = await freePort()
  const file = join(dir, 'nginx.conf')
  writeFileSync(file, nginxConfig(dir, port, options))
  const child: ChildProcess = spawn(binary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${errors}`)
    await delay(50)
  }
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
