import { searchPlugin } from '@payloadcms/plugin-search'
import { APIError, type Config, type Payload, type PayloadRequest } from 'payload'

export const SEARCH_COLLECTIONS = ['posts', 'retrospectives'] as const
export const SEARCH_INDEX = 'search-index'
const CANDIDATES = 500
const MAX_LIMIT = 50

const stripHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The official search plugin keeps one index row per published post or retrospective (drafts are
 * removed from it); Devlog adds what a reader searches: slug, excerpt, body text, tag names.
 */
export const devlogSearch = (incoming: Config): Config =>
  searchPlugin({
    collections: [...SEARCH_COLLECTIONS],
    defaultPriorities: { posts: 20, retrospectives: 10 },
    deleteDrafts: true,
    searchOverrides: {
      slug: SEARCH_INDEX,
      access: { read: () => true },
      admin: { group: 'Search' },
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'slug', type: 'text', index: true, admin: { readOnly: true } },
        { name: 'excerpt', type: 'textarea', admin: { readOnly: true } },
        { name: 'body', type: 'textarea', admin: { readOnly: true, hidden: true } },
        { name: 'tagNames', type: 'text', admin: { readOnly: true } },
        { name: 'publishedAt', type: 'date', index: true, admin: { readOnly: true } },
      ],
    },
    beforeSync: async ({ originalDoc, searchDoc, payload, req }) => {
      const tagIds = ((originalDoc.tags ?? []) as unknown[]).map((tag) =>
        typeof tag === 'object' && tag ? (tag as { id: number }).id : tag,
      )
      const tags = tagIds.length
        ? await payload.find({
            collection: 'tags',
            where: { id: { in: tagIds } },
            select: { name: true },
            depth: 0,
            pagination: false,
            req,
          })
        : { docs: [] }
      return {
        ...searchDoc,
        slug: originalDoc.slug,
        excerpt: originalDoc.excerpt ?? null,
        body: stripHtml(originalDoc.contentHtml ?? ''),
        tagNames: tags.docs.map((tag) => tag.name).join(', '),
        publishedAt: originalDoc.publishedAt ?? null,
      }
    },
  })(incoming)

export type SearchHit = {
  collection: string
  id: number | string
  title: string
  slug: string
  excerpt: string | null
  publishedAt: string | null
  score: number
  snippet: string
}

type IndexRow = {
  title?: string | null
  slug?: string | null
  excerpt?: string | null
  body?: string | null
  tagNames?: string | null
  publishedAt?: string | null
  doc: { relationTo: string; value: unknown }
}

function count(haystack: string | null | undefined, needle: string): number {
  if (!haystack) return 0
  const text = haystack.toLowerCase()
  let found = 0
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found += 1
  return found
}

function snippetAround(text: string, term: string): string {
  const at = text.toLowerCase().indexOf(term)
  if (at === -1) return text.slice(0, 160)
  const start = Math.max(0, at - 60)
  return `${start > 0 ? '…' : ''}${text.slice(start, at + term.length + 100)}${at + term.length + 100 < text.length ? '…' : ''}`
}

/**
 * Every term must appear in the title, tags, excerpt or body; hits rank by where the terms are
 * (title ×10, tags ×5, excerpt ×3, each body occurrence ×1), newest first on ties.
 */
export async function search(payload: Payload, req: PayloadRequest, query: string, page = 1, limit = 10) {
  const terms = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8)
  if (!terms.length) throw new APIError('q: a search needs at least one word.', 400, undefined, true)
  if (!Number.isInteger(page) || page < 1)
    throw new APIError('page must be a whole number from 1.', 400, undefined, true)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new APIError(`limit must be a whole number from 1 to ${MAX_LIMIT}.`, 400, undefined, true)
  const { docs } = (await payload.find({
    collection: SEARCH_INDEX as never,
    where: {
      and: terms.map((term) => ({
        or: ['title', 'tagNames', 'excerpt', 'body'].map((field) => ({ [field]: { like: term } })),
      })),
    },
    sort: '-publishedAt',
    limit: CANDIDATES,
    // The hits are counted after ranking; Payload's own count would be a second query.
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
  })) as unknown as { docs: IndexRow[] }
  const hits: SearchHit[] = docs
    .map((row) => {
      const score = terms.reduce(
        (sum, term) =>
          sum +
          count(row.title, term) * 10 +
          count(row.tagNames, term) * 5 +
          count(row.excerpt, term) * 3 +
          count(row.body, term),
        0,
      )
      const value = row.doc.value
      return {
        collection: row.doc.relationTo,
        id: typeof value === 'object' && value ? (value as { id: number | string }).id : (value as number | string),
        title: row.title ?? '',
        slug: row.slug ?? '',
        excerpt: row.excerpt ?? null,
        publishedAt: row.publishedAt ?? null,
        score,
        snippet: snippetAround(row.body ?? row.excerpt ?? '', terms[0]),
      }
    })
    .sort((a, b) => b.score - a.score || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
  return {
    query,
    page,
    limit,
    totalDocs: hits.length,
    totalPages: Math.ceil(hits.length / limit),
    docs: hits.slice((page - 1) * limit, page * limit),
  }
}
