import helmet from 'helmet'

/**
 * Security headers that the Payload admin survives: Next inlines its bootstrap scripts and
 * styles, development needs eval and a websocket for hot reload, and front ends on other origins
 * must be able to load media, so resources are shared cross-origin. Live preview shows the front
 * end's page in a frame, so its origin (`previewOrigins`) may be framed.
 */
export function securityHeaders({
  dev,
  https,
  previewOrigins = [],
}: {
  dev: boolean
  https: boolean
  previewOrigins?: string[]
}) {
  return helmet({
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
}
