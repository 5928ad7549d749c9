import type { RequestHandler } from 'express'

/** The feed and sitemap URLs front ends and feed readers use at the site's root. */
const ROOT_DELIVERY_URL =
  /^\/(?:feed\.xml|atom\.xml|feed\.json|sitemap\.xml|sitemaps\/[^/]+\.xml|tags\/[^/]+\/(?:feed\.xml|atom\.xml|feed\.json))$/

/**
 * Answers `/feed.xml`, `/atom.xml`, `/feed.json`, `/sitemap.xml`, `/sitemaps/N.xml` and
 * `/tags/:slug/…` with the plugin's Payload endpoints under the API route, which serve any host
 * app the same documents. Every HEAD request to the API is passed on as a GET: Payload's router
 * has no HEAD routes, and Node already knows to send a HEAD answer's headers without the body.
 */
export function rootDeliveryUrls(apiRoute: string): RequestHandler {
  return (req, _res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && ROOT_DELIVERY_URL.test(req.path)) {
      req.url = `${apiRoute}${req.url}`
    }
    if (req.method === 'HEAD' && (req.path === apiRoute || req.url.startsWith(`${apiRoute}/`))) req.method = 'GET'
    next()
  }
}
