import { XMLParser } from 'fast-xml-parser'

import { normaliseLink } from './links'

/** One item of an RSS 2.0 or Atom feed, as the feed gives it. */
export type FeedEntry = {
  /** RSS `guid` or Atom `id`, when the feed gives one. */
  guid: string | null
  title: string | null
  /** The item's web address, normalised (host case, fragment, tracking parameters, trailing slash); '' without one. */
  link: string
  /** Published, else updated, as written in the feed. */
  date: string | null
  tags: string[]
  /** The full content (`content:encoded`, Atom's `content`), else the description or summary. */
  html: string | null
  /** The parsed item, for hashing what changed. */
  raw: unknown
}

type XmlValue = string | number | { '#text'?: string | number; [attribute: string]: unknown }
type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Feeds' HTML stays text; entities in it are decoded once, by whoever reads the HTML.
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
export function readFeedEntries(text: string): FeedEntry[] | null {
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

/** Only a web address is an item's link: `javascript:` and other schemes are no link at all. */
const entry = (fields: Omit<FeedEntry, 'link'> & { link: string | null }): FeedEntry => ({
  ...fields,
  link: fields.link && /^https?:\/\//i.test(fields.link.trim()) ? normaliseLink(fields.link) : '',
})

function rssItem(node: XmlNode): FeedEntry {
  const guid = node.guid as XmlValue | undefined
  const guidLink =
    guid && (typeof guid !== 'object' || guid['@_isPermaLink'] !== 'false') && /^https?:/i.test(textOf(guid) ?? '')
  return entry({
    guid: textOf(guid),
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

function atomEntry(node: XmlNode): FeedEntry {
  const links = list(node.link as XmlNode[])
  const alternate = links.find((link) => !link['@_rel'] || link['@_rel'] === 'alternate')
  return entry({
    guid: textOf(node.id),
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
