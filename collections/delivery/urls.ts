import type { SanitizedDevlogOptions } from '../options'

export type PublicCollection = 'posts' | 'retrospectives' | 'tags' | 'series' | 'study-groups'

type Site = SanitizedDevlogOptions['site']

/**
 * Where a front end shows a document: the site's document URL template with `{collection}` and
 * `{slug}`, so feeds and sitemaps link to the site, not the API.
 */
export function documentUrl(
  site: Pick<Site, 'documentURLTemplate'>,
  collection: PublicCollection,
  slug: string,
): string {
  return site.documentURLTemplate.replaceAll('{collection}', collection).replaceAll('{slug}', encodeURIComponent(slug))
}

/** Root-relative links and images in stored HTML (media files) made absolute for feed readers. */
export function absolutiseHtml(html: string, serverURL: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${serverURL}/`)
}
