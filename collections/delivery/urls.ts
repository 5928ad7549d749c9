import { serverURL, type Env } from '../../src/env.js'

export type PublicCollection = 'posts' | 'retrospectives' | 'tags' | 'series' | 'study-groups'

/**
 * Where a front end shows a document: FRONTEND_URL_TEMPLATE with `{collection}` and `{slug}`
 * (default `SERVER_URL/{collection}/{slug}`), so feeds and sitemaps link to the site, not the API.
 */
export function documentUrl(collection: PublicCollection, slug: string, env: Env = process.env): string {
  const template = env.FRONTEND_URL_TEMPLATE?.trim() || `${serverURL(env)}/{collection}/{slug}`
  return template.replaceAll('{collection}', collection).replaceAll('{slug}', encodeURIComponent(slug))
}

/** Root-relative links and images in stored HTML (media files) made absolute for feed readers. */
export function absolutiseHtml(html: string, env: Env = process.env): string {
  const base = serverURL(env)
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${base}/`)
}
