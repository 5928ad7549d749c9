import express, { type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { buildFeed, jsonFeed11, tagBySlug } from '../../collections/delivery/feeds'
import { collectSitemapUrls, renderSitemaps } from '../../collections/delivery/sitemap'

/** CDN-friendly: five minutes fresh, then served stale while revalidating. Express adds the ETag and answers 304. */
const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=600'

const FORMATS = {
  'feed.xml': { type: 'application/rss+xml', render: (feed: Awaited<ReturnType<typeof buildFeed>>) => feed.rss2() },
  'atom.xml': { type: 'application/atom+xml', render: (feed: Awaited<ReturnType<typeof buildFeed>>) => feed.atom1() },
  'feed.json': { type: 'application/feed+json', render: jsonFeed11 },
} as const

type Format = keyof typeof FORMATS

function send(req: Request, res: Response, type: string, body: string) {
  res
    .set('Cache-Control', PUBLIC_CACHE)
    .type(`${type}; charset=utf-8`)
    .send(req.method === 'HEAD' ? '' : body)
}

/** Feeds (RSS 2.0, Atom, JSON Feed 1.1; per tag too) and the sitemap, read as an anonymous visitor. */
export function deliveryRouter(payload: Payload) {
  const router = express.Router()
  const feedRoute = (format: Format) => async (req: Request, res: Response) => {
    let tag
    if (req.params.slug) {
      tag = await tagBySlug(payload, String(req.params.slug))
      if (!tag) {
        res.status(404).json({ errors: [{ message: `No tag with the slug "${req.params.slug}".` }] })
        return
      }
    }
    const feed = await buildFeed(payload, tag ?? undefined)
    send(req, res, FORMATS[format].type, FORMATS[format].render(feed))
  }
  for (const format of Object.keys(FORMATS) as Format[]) {
    router.get(`/${format}`, feedRoute(format))
    router.get(`/tags/:slug/${format}`, feedRoute(format))
  }
  router.get('/sitemap.xml', async (req, res) => {
    send(req, res, 'application/xml', renderSitemaps(await collectSitemapUrls(payload)).root)
  })
  router.get('/sitemaps/:page.xml', async (req, res) => {
    const page = Number(req.params.page)
    const { pages } = renderSitemaps(await collectSitemapUrls(payload))
    if (!Number.isInteger(page) || page < 1 || page > pages.length) {
      res.status(404).json({ errors: [{ message: `No sitemap page ${req.params.page}.` }] })
      return
    }
    send(req, res, 'application/xml', pages[page - 1])
  })
  return router
}
