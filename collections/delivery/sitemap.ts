import type { Payload, Where } from 'payload'

import { devlogOptions, type SanitizedDevlogOptions } from '../options'
import { documentUrl, type PublicCollection } from './urls'

export type SitemapUrl = { loc: string; lastmod: string }

/** A collection's public pages: how many there are and which documents they are. */
type SitemapSource = { collection: PublicCollection; where: Where; count: number }
/** What the sitemap reads of a document (the fields its read selects). */
type SitemapRow = { id: number | string; slug?: string | null; updatedAt: string }
/** One file of the sitemap: a run of one collection's pages, in id order. */
export type SitemapPage = { source: SitemapSource; index: number }

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!)

const PUBLISHED: Where = { _status: { equals: 'published' } }

/** Every kind of public page: published posts and retrospectives, tags, series and study groups. */
async function sitemapSources(payload: Payload): Promise<SitemapSource[]> {
  const { features } = devlogOptions(payload.config)
  const kinds: Array<[PublicCollection, Where]> = [
    ['posts', PUBLISHED],
    ...(features.retrospectives ? [['retrospectives', PUBLISHED] as [PublicCollection, Where]] : []),
    ['tags', {}],
    ['series', {}],
    ...(features.studyGroups ? [['study-groups', {}] as [PublicCollection, Where]] : []),
  ]
  return Promise.all(
    kinds.map(async ([collection, where]) => {
      const { totalDocs } = await payload.count({ collection, where, overrideAccess: false })
      return { collection, where, count: totalDocs }
    }),
  )
}

/**
 * The sitemap's files: each collection's documents in id order (new ones join the last file, so
 * a file's contents stay put), `urlsPerFile` to a file; one file for everything while it fits.
 */
export async function sitemapPages(payload: Payload): Promise<{ pages: SitemapPage[]; single: boolean }> {
  const { urlsPerFile } = devlogOptions(payload.config).sitemap
  const sources = await sitemapSources(payload)
  const total = sources.reduce((sum, source) => sum + source.count, 0)
  const pages = sources.flatMap((source) =>
    Array.from({ length: Math.ceil(source.count / urlsPerFile) }, (_, index) => ({ source, index })),
  )
  return { pages, single: total <= urlsPerFile }
}

/**
 * One page of a source's rows in id order, `limit` to a page, through the Local API (the reader's
 * access). Payload's SQL adapters (Drizzle's) skip rows in an unpaginated read, sparing the count a
 * paginated one makes: at 100,000 posts the count was most of the index's time. MongoDB's adapter
 * skips only when paginated, as may other adapters, so they count.
 */
async function readPage(
  payload: Payload,
  source: SitemapSource,
  { page, limit, select }: { page: number; limit: number; select: { slug?: true; updatedAt?: true } },
): Promise<SitemapRow[]> {
  const skipsUnpaginated = 'drizzle' in payload.db
  const { docs } = await payload.find({
    collection: source.collection,
    where: source.where,
    select,
    sort: 'id',
    limit,
    page,
    pagination: !skipsUnpaginated,
    depth: 0,
    overrideAccess: false,
  })
  // Payload types a read of a union of collections by its ids alone; the select says what else.
  return docs as unknown as SitemapRow[]
}

/** A page's URLs, read by the id index: a page costs its own rows, not the whole site's. */
export async function readSitemapPage(payload: Payload, { source, index }: SitemapPage): Promise<SitemapUrl[]> {
  const { site, sitemap } = devlogOptions(payload.config)
  const docs = await readPage(payload, source, {
    page: index + 1,
    limit: sitemap.urlsPerFile,
    select: { slug: true, updatedAt: true },
  })
  return docs
    .filter((doc) => doc.slug)
    .map((doc) => ({ loc: documentUrl(site, source.collection, doc.slug!), lastmod: doc.updatedAt }))
}

/** The id of the document at `position` in a source's id order. */
const idAt = async (payload: Payload, source: SitemapSource, position: number) =>
  (await readPage(payload, source, { page: position + 1, limit: 1, select: {} }))[0]?.id

/**
 * The newest change on each page, for the index: each page's first id bounds it and the one
 * before, and one indexed read per page finds its newest `updatedAt`.
 */
async function pageLastmods(payload: Payload, pages: SitemapPage[]): Promise<Array<string | null>> {
  const { urlsPerFile } = devlogOptions(payload.config).sitemap
  const firstIds = await Promise.all(pages.map((page) => idAt(payload, page.source, page.index * urlsPerFile)))
  return Promise.all(
    pages.map(async (page, position) => {
      const next = pages[position + 1]?.source === page.source ? firstIds[position + 1] : undefined
      const { docs } = await payload.find({
        collection: page.source.collection,
        where: {
          and: [
            page.source.where,
            { id: { greater_than_equal: firstIds[position] } },
            ...(next === undefined ? [] : [{ id: { less_than: next } }]),
          ],
        },
        select: { updatedAt: true },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: false,
      })
      return (docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? null
    }),
  )
}

export const urlset = (urls: SitemapUrl[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((url) => `  <url><loc>${escapeXml(url.loc)}</loc><lastmod>${url.lastmod}</lastmod></url>`)
    .join('\n')}\n</urlset>\n`

/** /sitemap.xml: every URL while they fit in one file, else an index of /sitemaps/N.xml. */
export async function renderSitemapRoot(payload: Payload): Promise<string> {
  const { pages, single } = await sitemapPages(payload)
  if (single) return urlset((await Promise.all(pages.map((page) => readSitemapPage(payload, page)))).flat())
  const { site } = devlogOptions(payload.config)
  return sitemapIndex(await pageLastmods(payload, pages), site)
}

/** The index's entries, one per page, with the page's newest `lastmod` when it has one. */
export const sitemapIndex = (lastmods: Array<string | null>, site: Pick<SanitizedDevlogOptions['site'], 'feedsURL'>) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lastmods
    .map(
      (lastmod, index) =>
        `  <sitemap><loc>${escapeXml(`${site.feedsURL}/sitemaps/${index + 1}.xml`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`,
    )
    .join('\n')}\n</sitemapindex>\n`
