import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

const QUIET_PATHS = /^\/(healthz|readyz)$|^\/_next\//

/**
 * One log line per request through Payload's logger, written when the response finishes. JSON
 * lines carry the fields for log collectors; the pretty format, which prints each field on a line
 * of its own, gets them in the message instead (`GET /api/posts 200 12.3 ms`).
 */
export function requestLogger(logger: Payload['logger'], { format }: { format: 'json' | 'pretty' }) {
  // Plain Node types: the server logs every request, cache hits included, before Express sees it.
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint()
    // Read now: routers rewrite `req.url` on the way in.
    const url = req.url ?? '/'
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      const entry = {
        method: req.method,
        url,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      }
      const level = res.statusCode >= 500 ? 'error' : QUIET_PATHS.test(url.split('?', 1)[0]) ? 'debug' : 'info'
      const message = res.statusCode >= 500 ? 'request failed' : 'request'
      if (format === 'json') logger[level](entry, message)
      else logger[level](`${entry.method} ${entry.url} ${entry.status} ${entry.durationMs} ms`)
    })
  }
}
