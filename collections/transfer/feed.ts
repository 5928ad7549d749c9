import { readFeedEntries, type FeedEntry } from '../shared/lib/feedReader'
import type { SourceFile } from './source'

/**
 * A blog's RSS 2.0 or Atom feed, given as a file or a URL: each item with its full content
 * (`content:encoded`, Atom's `content`, else the description, which velog fills with the whole
 * post) becomes a post whose canonical URL is the item's link, so the item is imported once
 * however often the feed is.
 */

export type FeedItem = {
  /** The item's link, normalised: its identity across imports. */
  link: string
  source: SourceFile
  /** What the item's hash is made of. */
  raw: Buffer
  warnings: string[]
}

/** The items of a feed, or null when the text is not RSS or Atom. */
export function readFeed(text: string): FeedItem[] | null {
  return readFeedEntries(text)?.map(toImport) ?? null
}

function toImport(entry: FeedEntry): FeedItem {
  const warnings = entry.html ? [] : ['no content in the feed: the post is empty']
  return {
    link: entry.link,
    source: {
      shape: 'feed',
      format: 'html',
      title: entry.title,
      properties: {
        date: entry.date,
        tags: entry.tags,
        ...(entry.link ? { canonicalUrl: entry.link } : {}),
      },
      ignored: [],
      body: entry.html ?? '',
    },
    raw: Buffer.from(JSON.stringify(entry.raw)),
    warnings,
  }
}
