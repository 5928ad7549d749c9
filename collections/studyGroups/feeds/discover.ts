import { readFeedEntries } from '../../shared/lib/feedReader'

/**
 * Finding a blog's feed from its address: the platforms Korean developers blog on publish theirs
 * at known places (no request needed); any other blog names it in its page's
 * `<link rel="alternate">`, or serves one at a conventional path.
 */

/** The feed a known platform publishes for a blog address, or null for other blogs. */
export function platformFeedUrl(blogUrl: string): string | null {
  let url: URL
  try {
    url = new URL(blogUrl.trim())
  } catch {
    return null
  }
  const host = url.hostname.toLowerCase()
  const [first = ''] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const handle = (segment: string) => (segment.startsWith('@') && segment.length > 1 ? segment.slice(1) : null)

  if (host === 'velog.io' && handle(first)) return `https://v2.velog.io/rss/@${encodeURIComponent(handle(first)!)}`
  if (host.endsWith('.tistory.com')) return `https://${host}/rss`
  if (host === 'medium.com' || host === 'www.medium.com') {
    if (first === 'feed') return url.toString()
    if (!first) return null
    const name = handle(first)
    return `https://medium.com/feed/${name ? `@${encodeURIComponent(name)}` : encodeURIComponent(first)}`
  }
  if (host.endsWith('.medium.com')) return `https://${host}/feed`
  if (host === 'rss.blog.naver.com') return url.toString()
  if (host === 'blog.naver.com' || host === 'm.blog.naver.com') {
    const id = url.searchParams.get('blogId') ?? (first && !first.includes('.') ? first : null)
    return id ? `https://rss.blog.naver.com/${encodeURIComponent(id)}.xml` : null
  }
  if (host.endsWith('.hashnode.dev')) return `https://${host}/rss.xml`
  // brunch's feed carries an internal id (`/rss/@@abc`) that only the page gives: `feedFromPage`.
  return null
}

/** Whether an answer's text is a feed. */
export const isFeed = (text: string) => readFeedEntries(text) !== null

const FEED_TYPES = /^application\/(rss|atom)\+xml$/i

/**
 * The feed a page names in `<link rel="alternate" type="application/rss+xml|atom+xml">`, resolved
 * against the page's address; a site feed before a comments feed.
 */
export function feedFromPage(html: string, pageUrl: string): string | null {
  const candidates: string[] = []
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attributes = Object.fromEntries(
      [...tag.matchAll(/([a-z][\w:-]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)].map((match) => [
        match[1].toLowerCase(),
        (match[3] ?? match[4] ?? match[5] ?? '').trim(),
      ]),
    )
    const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/)
    if (!rel.includes('alternate') || !FEED_TYPES.test(attributes.type ?? '') || !attributes.href) continue
    try {
      candidates.push(new URL(attributes.href.replace(/&amp;/g, '&'), pageUrl).toString())
    } catch {
      // not a URL: look at the next one
    }
  }
  return candidates.find((candidate) => !/comment/i.test(candidate)) ?? candidates[0] ?? null
}

/** Where static-site generators put the feed (Jekyll's jekyll-feed, Hugo, Gatsby and Astro plugins). */
export const CONVENTIONAL_FEED_PATHS = ['/feed.xml', '/atom.xml', '/rss.xml', '/index.xml', '/feed', '/rss']

export type FetchText = (url: string) => Promise<{ status: number; text: string }>

/**
 * The feed of a blog: a platform's known address; else the page's alternate link; else the first
 * conventional path that answers with a feed. Throws with what was tried when none is found.
 */
export async function discoverFeed(blogUrl: string, fetchText: FetchText): Promise<string> {
  const known = platformFeedUrl(blogUrl)
  if (known) return known
  const page = await fetchText(blogUrl)
  if (page.status >= 200 && page.status < 300) {
    if (isFeed(page.text)) return blogUrl
    const named = feedFromPage(page.text, blogUrl)
    if (named) return named
  }
  const root = new URL(blogUrl)
  const base = `${root.origin}${root.pathname.replace(/\/+$/, '')}`
  for (const path of CONVENTIONAL_FEED_PATHS) {
    const candidate = `${base}${path}`
    const answer = await fetchText(candidate).catch(() => null)
    if (answer && answer.status >= 200 && answer.status < 300 && isFeed(answer.text)) return candidate
  }
  throw new Error(
    `no feed found for ${blogUrl}: the page names none (<link rel="alternate">) and ${CONVENTIONAL_FEED_PATHS.join(', ')} are not feeds; enter the feed URL`,
  )
}
