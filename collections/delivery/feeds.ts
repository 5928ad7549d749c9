import escapeHTML from 'escape-html'
import { Feed } from 'feed'
import type { Payload, Where } from 'payload'

import { devlogOptions } from '../options'
import { absolutiseHtml, documentUrl } from './urls'

export const FEED_LENGTH = 50

/**
 * Where text goes as HTML: Atom writes titles and summaries as `type="html"`, and RSS readers
 * render descriptions, and many of them titles, as HTML, so plain text goes in escaped there (a
 * title of `<img onerror=…>` is text in every reader); JSON Feed's `title` and `summary` are plain text.
 */
export type FeedFormat = 'rss' | 'atom' | 'json'

/** What a feed reads of a post or retrospective (see `entryFields`). */
type EntryDocument = {
  title: string
  slug: string
  excerpt?: string | null
  contentHtml?: string | null
  publishedAt?: string | null
  updatedAt: string
  tags?: unknown
  authors?: unknown
}
type Entry = EntryDocument & { collection: 'posts' | 'retrospectives' }

const names = (values: unknown, key: string) =>
  (Array.isArray(values) ? values : [])
    .filter((value) => typeof value === 'object' && value && (value as Record<string, unknown>)[key])
    .map((value) => String((value as Record<string, unknown>)[key]))

/** A tag's id from its slug, or null when there is no such tag. */
export async function tagBySlug(payload: Payload, slug: string) {
  const { docs } = await payload.find({
    collection: 'tags',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/**
 * The newest published posts and retrospectives (optionally of one tag) as one feed, read as an
 * anonymous reader would: drafts never appear.
 */
export async function buildFeed(
  payload: Payload,
  format: FeedFormat,
  tag?: { id: number | string; name?: unknown; slug?: unknown },
): Promise<Feed> {
  const where: Where = { and: [{ _status: { equals: 'published' } }, ...(tag ? [{ tags: { in: [tag.id] } }] : [])] }
  // No page count: a feed is the newest entries only, and counting them is one more query each.
  const common = {
    where,
    sort: '-publishedAt',
    limit: FEED_LENGTH,
    pagination: false,
    depth: 1,
    overrideAccess: false,
  } as const
  // Only what an entry shows: the Lexical bodies would triple what is read for nothing.
  const entryFields = {
    title: true,
    slug: true,
    excerpt: true,
    contentHtml: true,
    publishedAt: true,
    updatedAt: true,
    tags: true,
  } as const
  const { site, features } = devlogOptions(payload.config)
  const [posts, retrospectives] = await Promise.all([
    payload.find({ collection: 'posts', ...common, select: { ...entryFields, authors: true } }),
    features.retrospectives
      ? payload.find({ collection: 'retrospectives', ...common, select: entryFields })
      : { docs: [] },
  ])
  const entries: Entry[] = [
    ...posts.docs.map((doc) => ({ ...(doc as EntryDocument), collection: 'posts' as const })),
    ...retrospectives.docs.map((doc) => ({ ...(doc as EntryDocument), collection: 'retrospectives' as const })),
  ]
    .sort((a, b) => (b.publishedAt ?? b.updatedAt).localeCompare(a.publishedAt ?? a.updatedAt))
    .slice(0, FEED_LENGTH)

  const { title } = site
  const prefix = tag ? `${site.feedsURL}/tags/${encodeURIComponent(String(tag.slug ?? ''))}` : site.feedsURL
  const feed = new Feed({
    title: tag ? `${title} · ${String(tag.name)}` : title,
    description: site.description,
    id: `${prefix}/`,
    link: site.frontendURL,
    language: site.language,
    updated: entries[0] ? new Date(entries[0].updatedAt) : new Date(0),
    generator: 'Devlog',
    copyright: `© ${title}`,
    feedLinks: { rss: `${prefix}/feed.xml`, atom: `${prefix}/atom.xml`, json: `${prefix}/feed.json` },
  })
  for (const entry of entries) {
    const link = documentUrl(site, entry.collection, entry.slug)
    const authorNames = names(entry.authors, 'name')
    feed.addItem({
      title: format === 'json' ? entry.title : escapeHTML(entry.title),
      id: link,
      link,
      date: new Date(entry.updatedAt),
      published: entry.publishedAt ? new Date(entry.publishedAt) : undefined,
      description: entry.excerpt && format !== 'json' ? escapeHTML(entry.excerpt) : (entry.excerpt ?? undefined),
      content: absolutiseHtml(entry.contentHtml ?? '', site.serverURL),
      category: names(entry.tags, 'name').map((name) => ({ name })),
      // The library reads the first author without checking the list is not empty.
      ...(authorNames.length ? { author: authorNames.map((name) => ({ name })) } : {}),
    })
  }
  return feed
}

/** JSON Feed 1.1: the library writes 1.0, whose single `author` became `authors`. */
export function jsonFeed11(feed: Feed): string {
  const document = JSON.parse(feed.json1()) as {
    version: string
    items: { author?: unknown; authors?: unknown[] }[]
    author?: unknown
    authors?: unknown[]
  }
  document.version = 'https://jsonfeed.org/version/1.1'
  for (const holder of [document, ...document.items]) {
    if (holder.author) {
      holder.authors = [holder.author]
      delete holder.author
    }
  }
  return JSON.stringify(document)
}
