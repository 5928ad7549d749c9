import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

const QUIET_PATHS = /^\/(healthz|readyz)$|^\/_next\//

/**
 * One log line per request through Payload's logger, written when the response finishes. JSON
 * lines carry the fields for log collectors; the pretty format, which prints each field on a line
 * of its own, gets them in the message instead (`GET /api/posts 200 12.3 ms`).
 */
export function requestLogger(logger: Payload['logger'], { format }: { format: 'json' | 'pretty' }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      const entry = {
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      }
      const level = res.statusCode >= 500 ? 'error' : QUIET_PATHS.test(req.path) ? 'debug' : 'info'
      const message = res.statusCode >= 500 ? 'request failed' : 'request'
      if (format === 'json') logger[level](entry, message)
      else logger[level](`${entry.method} ${entry.url} ${entry.status} ${entry.durationMs} ms`)
    })
    next()
  }
}
