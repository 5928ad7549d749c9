import type { Request, RequestHandler } from 'express'
import helmet from 'helmet'

type SecurityOptions = {
  dev: boolean
  https: boolean
  previewOrigins?: string[]
  /** Requests answered with data (the API, feeds, sitemaps, health) rather than the admin's pages. */
  isData: (req: Request) => boolean
}

/**
 * Security headers in two sets.
 *
 * The admin's pages get the ones it survives: Next inlines its bootstrap scripts and styles,
 * development needs eval and a websocket for hot reload, and live preview shows the front end's
 * page in a frame, so its origin (`previewOrigins`) may be framed.
 *
 * Data (JSON, feeds, uploaded files) gets the short set OWASP's REST guidance gives: a policy that
 * lets nothing run or load (a file opened by itself, say an SVG that got past Payload's check for
 * scripts, runs nothing on the admin's origin), no framing, no sniffing, no referrer, and resources
 * shared cross-origin so front ends on other origins can load media. The pages' set would add 440
 * bytes to every answer.
 */
export function securityHeaders({ dev, https, previewOrigins = [], isData }: SecurityOptions): RequestHandler {
  const forPages = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // Monaco (code blocks) starts its language workers from blob: URLs it builds itself.
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", ...previewOrigins],
        connectSrc: ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: https,
  })
  const forData = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // Styles inline only: the API's own operation list (`/api/docs`) is a page without scripts.
      directives: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
  return (req, res, next) => (isData(req) ? forData : forPages)(req, res, next)
}
