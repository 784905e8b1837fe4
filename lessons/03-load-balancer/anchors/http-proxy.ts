// The npm anchor: http-proxy (node-http-proxy) with a keep-alive agent, the
// usual way to write a reverse proxy in Node, in front of one backend.
import { Agent, createServer } from 'node:http'
import { errorResponse } from '@course/common/app'
import { parseServerArgs, serveLesson } from '@course/common/serve'
import httpProxy from 'http-proxy'

const args = parseServerArgs('http-proxy', { 'backend-port': { max: 65_535 } })
const proxy = httpProxy.createProxyServer({
  target: `http://127.0.0.1:${args['backend-port']}`,
  agent: new Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 16 }),
  xfwd: true,
})
proxy.on('error', (error, _req, res) => {
  const response = errorResponse(502, error.message)
  if ('writeHead' in res && !res.headersSent) res.writeHead(502, response.headers)
  res.end(response.body)
})
await serveLesson('http-proxy', args.port, () => createServer((req, res) => proxy.web(req, res)))
