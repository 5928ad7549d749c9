import type { RequestHandler } from 'express'

import { GHOST_CONTENT_PATH } from '../../collections/ghost/index'

/** The feed and sitemap URLs front ends and feed readers use at the site's root. */
/** Ghost's Content API, also at its versioned paths (`/ghost/api/v4/content/`) that older clients call. */
const GHOST_CONTENT_API = /^\/ghost\/api\/(?:(?:v[2-6](?:\.\d+)?|canary)\/)?content(\/.*)?$/

const ROOT_DELIVERY_URL =
  /^\/(?:feed\.xml|atom\.xml|feed\.json|sitemap\.xml|sitemaps\/[^/]+\.xml|tags\/[^/]+\/(?:feed\.xml|atom\.xml|feed\.json))$/

/** Whether `path` is one of the root URLs below, which answer with the API's data. */
export const isRootDeliveryPath = (path: string) => ROOT_DELIVERY_URL.test(path) || GHOST_CONTENT_API.test(path)

/**
 * Answers `/feed.xml`, `/atom.xml`, `/feed.json`, `/sitemap.xml`, `/sitemaps/N.xml`,
 * `/tags/:slug/…` and Ghost's `/ghost/api/content/…` with the plugin's Payload endpoints under the API route, which serve any host
 * app the same documents. Every HEAD request to the API is passed on as a GET: Payload's router
 * has no HEAD routes, and Node already knows to send a HEAD answer's headers without the body.
 */
export function rootDeliveryUrls(apiRoute: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && ROOT_DELIVERY_URL.test(req.path)) {
      req.url = `${apiRoute}${req.url}`
    }
    const ghost = GHOST_CONTENT_API.exec(req.path)
    if (ghost) {
      // Ghost front ends call from any origin and send Accept-Version, so browsers ask first.
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'Accept-Version, Content-Type',
          'Access-Control-Max-Age': '86400',
        })
        return res.end()
      }
      const query = req.url.slice(req.path.length)
      req.url = `${apiRoute}${GHOST_CONTENT_PATH}${(ghost[1] ?? '').replace(/\/+$/, '')}${query}`
    }
    if (req.method === 'HEAD' && (req.path === apiRoute || req.url.startsWith(`${apiRoute}/`))) req.method = 'GET'
    next()
  }
}
