// A backend that never picks up: it listens with an accept queue of one, and
// the test stops it (SIGSTOP) so it accepts nothing. Once its queue is full
// the kernel drops every new SYN, so a connect to it neither succeeds nor
// fails: it hangs until the connecting side gives up. That is the balancer's
// connect timeout, made certain (a refused connect fails at once instead).
import { createServer } from 'node:net'
import { announceReady, parseServerArgs } from '@course/common/serve'

const args = parseServerArgs('unaccepting-backend', {})
// Whatever is accepted before the test stops it is dropped: it never answers.
const server = createServer((socket) => socket.destroy())
server.listen({ port: args.port, host: '127.0.0.1', backlog: 1 }, () =>
  announceReady(server, `Unaccepting backend ${process.pid}`),
)
