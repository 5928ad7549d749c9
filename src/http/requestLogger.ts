import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

const QUIET_PATHS = /^\/(healthz|readyz)$|^\/_next\//

type Started = bigint

/**
 * One log line per request through Payload's logger. JSON lines carry the fields for log
 * collectors; the pretty format, which prints each field on a line of its own, gets them in the
 * message instead (`GET /api/posts 200 12.3 ms`).
 *
 * Response-cache hits get their line at debug level only. Forming a line costs more than a hit's
 * own work (a quarter of a hit's CPU, which is what keeps a cached answer near a bare Node
 * server's rate), so at `info` hits are counted instead and `summarise` writes how many there were.
 */
export function requestLogger(logger: Payload['logger'], { format }: { format: 'json' | 'pretty' }) {
  let unloggedHits = 0

  const write = (req: IncomingMessage, url: string, status: number, started: Started, quiet: boolean) => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10
    const level = status >= 500 ? 'error' : quiet || QUIET_PATHS.test(url.split('?', 1)[0]) ? 'debug' : 'info'
    const message = status >= 500 ? 'request failed' : 'request'
    if (format === 'json') logger[level]({ method: req.method, url, status, durationMs }, message)
    else logger[level](`${req.method} ${url} ${status} ${durationMs} ms`)
  }

  return {
    /** Logs a request the app answers, when its response finishes. */
    request(req: IncomingMessage, res: ServerResponse, started: Started) {
      // Read now: routers rewrite `req.url` on the way in.
      const url = req.url ?? '/'
      res.on('finish', () => write(req, url, res.statusCode, started, false))
    },
    /** A cache hit, already answered in full. */
    hit(req: IncomingMessage, res: ServerResponse, started: Started) {
      if (logger.isLevelEnabled('debug')) write(req, req.url ?? '/', res.statusCode, started, true)
      else unloggedHits++
    },
    /** Writes how many hits were answered without a line of their own since the last summary. */
    summarise() {
      if (unloggedHits === 0) return
      if (format === 'json') logger.info({ cacheHits: unloggedHits }, 'requests answered from the response cache')
      else logger.info(`${unloggedHits} request${unloggedHits === 1 ? '' : 's'} answered from the response cache`)
      unloggedHits = 0
    },
  }
}
