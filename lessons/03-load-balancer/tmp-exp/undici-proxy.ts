import { createServer } from 'node:http'
import { Pool } from 'undici'
import { announceReady } from '@course/common/serve'
const port = Number(process.argv[2])
const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 16 })
const server = createServer((req, res) => {
  pool.dispatch({ path: req.url ?? '/', method: req.method as 'GET', headers: req.headers as Record<string, string> }, {
    onRequestStart() {},
    onResponseStart(_c, status, headers) {
      delete headers.connection; delete headers['keep-alive']; delete headers['transfer-encoding']
      res.writeHead(status, headers as Record<string, string>)
    },
    onResponseData(_c, chunk) { res.write(chunk) },
    onResponseEnd() { res.end() },
    onResponseError(_c, e) { res.statusCode = 502; res.end(String(e)) },
  })
})
server.listen(0, '127.0.0.1', () => announceReady(server, 'undici-proxy'))
