import type { Payload } from 'payload'

import { devlogOptions, type SanitizedDevlogOptions } from '../options'
import { documentUrl, type PublicCollection } from './urls'

/** The sitemap protocol's limit of URLs per file. */
export const URLS_PER_SITEMAP = 50_000

export type SitemapUrl = { loc: string; lastmod: string }

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!)

/** Every public page: published posts and retrospectives, tags, series and study groups. */
export async function collectSitemapUrls(payload: Payload): Promise<SitemapUrl[]> {
  const { site, features } = devlogOptions(payload.config)
  const read = async (collection: PublicCollection, published: boolean) => {
    const { docs } = await payload.find({
      collection,
      ...(published ? { where: { _status: { equals: 'published' } } } : {}),
      select: { slug: true, updatedAt: true },
      sort: '-updatedAt',
      depth: 0,
      pagination: false,
      overrideAccess: false,
    })
    return (docs as { slug?: string | null; updatedAt: string }[])
      .filter((doc) => doc.slug)
      .map((doc) => ({ loc: documentUrl(site, collection, doc.slug!), lastmod: doc.updatedAt }))
  }
  const groups = await Promise.all([
    read('posts', true),
    ...(features.retrospectives ? [read('retrospectives', true)] : []),
    read('tags', false),
    read('series', false),
    ...(features.studyGroups ? [read('study-groups', false)] : []),
  ])
  return groups.flat()
}

const urlset = (urls: SitemapUrl[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((url) => `  <url><loc>${escapeXml(url.loc)}</loc><lastmod>${url.lastmod}</lastmod></url>`)
    .join('\n')}\n</urlset>\n`

/**
 * One sitemap, or — past `perFile` URLs — an index at /sitemap.xml pointing to /sitemaps/N.xml,
 * each with the newest `lastmod` of its URLs.
 */
export function renderSitemaps(
  urls: SitemapUrl[],
  site: Pick<SanitizedDevlogOptions['site'], 'feedsURL'>,
  perFile = URLS_PER_SITEMAP,
): { root: string; pages: string[] } {
  if (urls.length <= perFile) return { root: urlset(urls), pages: [] }
  const chunks: SitemapUrl[][] = []
  for (let start = 0; start < urls.length; start += perFile) chunks.push(urls.slice(start, start + perFile))
  const root = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${chunks
    .map((chunk, index) => {
      const lastmod = chunk.reduce((newest, url) => (url.lastmod > newest ? url.lastmod : newest), chunk[0].lastmod)
      return `  <sitemap><loc>${escapeXml(`${site.feedsURL}/sitemaps/${index + 1}.xml`)}</loc><lastmod>${lastmod}</lastmod></sitemap>`
    })
    .join('\n')}\n</sitemapindex>\n`
  return { root, pages: chunks.map(urlset) }
}
