// The production anchor measured beside the learner's server: Node's own
// HTTP server, running the same app with the same blocking waits. Like
// gunicorn's sync worker it has one thread, so it too serves one request at a
// time; it differs in everything else (a C parser, keep-alive, buffering).
import { createServer } from 'node:http'
import { blockingNodeHttpHandler } from '@course/common/http'
import { parseServerArgs, serveLesson } from '@course/common/serve'

const { port } = parseServerArgs('node-http-anchor', {})

await serveLesson('node:http anchor', port, () => createServer(blockingNodeHttpHandler))
