import { createHash } from 'node:crypto'
import type { Feed } from 'feed'
import type { Endpoint, PayloadRequest } from 'payload'

import { devlogOptions } from '../options'
import { httpError, param } from '../shared/endpoints'
import { buildFeed, jsonFeed11, tagBySlug } from './feeds'
import { buildOpenApi, renderOpenApiPage } from './openapi'
import { search } from './search'
import { readSitemapPage, renderSitemapRoot, sitemapPages, urlset } from './sitemap'

/** CDN-friendly: five minutes fresh, then served stale while revalidating. */
export const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=600'

/**
 * A public document with a strong ETag; a request whose `If-None-Match` names it gets a 304, so
 * readers and CDNs polling a feed download it only when it changed.
 */
function cacheable(req: PayloadRequest, body: string, type: string): Response {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  const headers = { 'cache-control': PUBLIC_CACHE, etag, 'content-type': `${type}; charset=utf-8` }
  const wanted = req.headers.get('if-none-match')
  if (wanted && wanted.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { headers })
}

const FEED_FORMATS = {
  'feed.xml': { format: 'rss', type: 'application/rss+xml', render: (feed: Feed) => feed.rss2() },
  'atom.xml': { format: 'atom', type: 'application/atom+xml', render: (feed: Feed) => feed.atom1() },
  'feed.json': { format: 'json', type: 'application/feed+json', render: jsonFeed11 },
} as const

/** RSS 2.0, Atom and JSON Feed 1.1 of the whole site: `/api/feed.xml`, `/api/atom.xml`, `/api/feed.json`. */
export const siteFeedEndpoints: Endpoint[] = Object.entries(FEED_FORMATS).map(([name, format]) => ({
  path: `/${name}`,
  method: 'get',
  handler: async (req) => cacheable(req, format.render(await buildFeed(req.payload, format.format)), format.type),
}))

/** The same feeds for one tag, as endpoints of the tags collection: `/api/tags/:slug/feed.xml`. */
export const tagFeedEndpoints: Endpoint[] = Object.entries(FEED_FORMATS).map(([name, format]) => ({
  path: `/:slug/${name}`,
  method: 'get',
  handler: async (req) => {
    const slug = param(req, 'slug')
    const tag = await tagBySlug(req.payload, slug)
    if (!tag) throw httpError(`No tag with the slug "${slug}".`, 404)
    return cacheable(req, format.render(await buildFeed(req.payload, format.format, tag)), format.type)
  },
}))

/** `/api/sitemap.xml`, and past `sitemap.urlsPerFile` URLs its index with pages at `/api/sitemaps/:page.xml`. */
export const sitemapEndpoints: Endpoint[] = [
  {
    path: '/sitemap.xml',
    method: 'get',
    handler: async (req) => cacheable(req, await renderSitemapRoot(req.payload), 'application/xml'),
  },
  {
    path: '/sitemaps/:page.xml',
    method: 'get',
    handler: async (req) => {
      const { pages, single } = await sitemapPages(req.payload)
      const number = Number(param(req, 'page'))
      if (single || !Number.isInteger(number) || number < 1 || number > pages.length) {
        throw httpError(`No sitemap page ${param(req, 'page')}.`, 404)
      }
      return cacheable(req, urlset(await readSitemapPage(req.payload, pages[number - 1])), 'application/xml')
    },
  },
]

export const searchEndpoints: Endpoint[] = [
  {
    path: '/search',
    method: 'get',
    handler: async (req) => {
      const params = req.searchParams
      // search() checks page and limit, for GraphQL too.
      const [page, limit] = [Number(params.get('page') ?? 1), Number(params.get('limit') ?? 10)]
      return Response.json(await search(req.payload, req, params.get('q') ?? '', page, limit))
    },
  },
]

/** The OpenAPI 3.1 description of the running config, and a page listing its operations. */
export const openApiEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    handler: async (req) =>
      Response.json(buildOpenApi(req.payload, `${devlogOptions(req.payload.config).site.title} API`)),
  },
  {
    path: '/docs',
    method: 'get',
    handler: async (req) =>
      new Response(
        renderOpenApiPage(buildOpenApi(req.payload, `${devlogOptions(req.payload.config).site.title} API`)),
        {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        },
      ),
  },
]
