import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

const QUIET_PATHS = /^\/(healthz|readyz)$|^\/_next\//

/** One log line per request through Payload's logger, written when the response finishes. */
export function requestLogger(logger: Payload['logger']) {
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
      if (res.statusCode >= 500) logger.error(entry, 'request failed')
      else if (QUIET_PATHS.test(req.path)) logger.debug(entry, 'request')
      else logger.info(entry, 'request')
    })
    next()
  }
}
