import { XMLParser } from 'fast-xml-parser'

import { normaliseLink } from '../shared/lib/links'
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

type XmlValue = string | number | { '#text'?: string | number; [attribute: string]: unknown }
type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Feeds' HTML stays text; entities in it are decoded once, by the HTML conversion.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
})

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])
const textOf = (value: unknown): string | null => {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as { '#text': unknown })['#text'])
  return null
}

/** The items of a feed, or null when the text is not RSS or Atom. */
export function readFeed(text: string): FeedItem[] | null {
  let document: XmlNode
  try {
    document = parser.parse(text.replace(/^\uFEFF/, '')) as XmlNode
  } catch {
    return null
  }
  const rss = (document.rss as XmlNode | undefined)?.channel as XmlNode | undefined
  if (rss) return list(rss.item as XmlNode[]).map(rssItem)
  const atom = document.feed as XmlNode | undefined
  if (atom) return list(atom.entry as XmlNode[]).map(atomEntry)
  return null
}

function item(fields: {
  title: string | null
  link: string | null
  date: string | null
  tags: string[]
  html: string | null
  raw: unknown
}): FeedItem {
  const warnings = fields.html ? [] : ['no content in the feed: the post is empty']
  const link = fields.link ? normaliseLink(fields.link) : ''
  return {
    link,
    source: {
      shape: 'feed',
      format: 'html',
      title: fields.title,
      properties: {
        date: fields.date,
        tags: fields.tags,
        ...(link ? { canonicalUrl: link } : {}),
      },
      ignored: [],
      body: fields.html ?? '',
    },
    raw: Buffer.from(JSON.stringify(fields.raw)),
    warnings,
  }
}

function rssItem(node: XmlNode): FeedItem {
  const guid = node.guid as XmlValue | undefined
  const guidLink =
    guid && (typeof guid !== 'object' || guid['@_isPermaLink'] !== 'false') && /^https?:/i.test(textOf(guid) ?? '')
  return item({
    title: textOf(node.title),
    link: textOf(list(node.link as XmlValue[])[0]) ?? (guidLink ? textOf(guid) : null),
    date: textOf(node.pubDate) ?? textOf(node['dc:date']),
    tags: list(node.category as XmlValue[])
      .map(textOf)
      .filter((tag): tag is string => tag !== null),
    html: textOf(node['content:encoded']) ?? textOf(node.description),
    raw: node,
  })
}

function atomEntry(node: XmlNode): FeedItem {
  const links = list(node.link as XmlNode[])
  const alternate = links.find((link) => !link['@_rel'] || link['@_rel'] === 'alternate')
  return item({
    title: textOf(node.title),
    link: (alternate?.['@_href'] as string | undefined) ?? null,
    date: textOf(node.published) ?? textOf(node.updated),
    tags: list(node.category as XmlNode[])
      .map((category) => (category['@_term'] as string | undefined)?.trim() ?? null)
      .filter((tag): tag is string => Boolean(tag)),
    html: textOf(node.content) ?? textOf(node.summary),
    raw: node,
  })
}
