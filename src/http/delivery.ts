import type { RequestHandler } from 'express'

/** The feed and sitemap URLs front ends and feed readers use at the site's root. */
const ROOT_DELIVERY_URL =
  /^\/(?:feed\.xml|atom\.xml|feed\.json|sitemap\.xml|sitemaps\/[^/]+\.xml|tags\/[^/]+\/(?:feed\.xml|atom\.xml|feed\.json))$/

/**
 * Answers `/feed.xml`, `/atom.xml`, `/feed.json`, `/sitemap.xml`, `/sitemaps/N.xml` and
 * `/tags/:slug/…` with the plugin's Payload endpoints under the API route, which serve any host
 * app the same documents. A HEAD request is passed on as a GET: Node already knows to send the
 * headers without the body, while Payload's router has no HEAD routes.
 */
export function rootDeliveryUrls(apiRoute: string): RequestHandler {
  return (req, _res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && ROOT_DELIVERY_URL.test(req.path)) {
      req.url = `${apiRoute}${req.url}`
      req.method = 'GET'
    }
    next()
  }
}
