/**
 * The delivery benchmark's ceiling: a bare Node `http` server answering each recorded request with
 * the bytes Devlog sent for it, from memory. Kept apart from bench/delivery.ts so that it loads
 * nothing else. Usage: node build/bench/ceiling.js <responses.json> <port>
 */
import fs from 'node:fs'
import http from 'node:http'

type Recorded = { key: string; contentType: string; body: string }

const [file, port] = process.argv.slice(2)
const responses = new Map(
  (JSON.parse(fs.readFileSync(file, 'utf8')) as Recorded[]).map((response) => [
    response.key,
    { contentType: response.contentType, body: Buffer.from(response.body, 'base64') },
  ]),
)

http
  .createServer((req, res) => {
    const response = responses.get(`${req.method} ${req.url}`)
    req.resume()
    req.on('end', () => {
      if (!response) return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': response.contentType, 'content-length': response.body.length })
      res.end(response.body)
    })
  })
  .listen(Number(port), '127.0.0.1')
