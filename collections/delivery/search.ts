import { searchPlugin } from '@payloadcms/plugin-search'
import type { Payload, PayloadRequest, Plugin } from 'payload'
import { htmlToText } from '../shared/lib/htmlText'

import { devlogOptions } from '../options'
import type { Id } from '../shared/documents'
import { idOf } from '../shared/lib/ids'
import { label, staticLabel } from '../shared/lib/labels'
import { onContentChange } from './contentEvents'
import { httpError } from '../shared/endpoints'

export const SEARCH_COLLECTIONS = ['posts', 'retrospectives'] as const
export const SEARCH_INDEX = 'search-index' as const
const CANDIDATES = 500
const MAX_LIMIT = 50

/**
 * The official search plugin keeps one index row per published post or retrospective (drafts are
 * removed from it); Devlog adds what a reader searches: slug, excerpt, body text, tag names.
 */
export const devlogSearch = (collections: string[]): Plugin =>
  searchPlugin({
    collections,
    defaultPriorities: { posts: 20, retrospectives: 10 },
    deleteDrafts: true,
    searchOverrides: {
      slug: SEARCH_INDEX,
      labels: { singular: label('searchResult'), plural: label('searchResults') },
      access: { read: () => true },
      admin: { group: staticLabel('search'), description: staticLabel('searchIndexDescription') },
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'slug', type: 'text', label: label('slug'), index: true, admin: { readOnly: true } },
        { name: 'excerpt', type: 'textarea', label: label('excerpt'), admin: { readOnly: true } },
        { name: 'body', type: 'textarea', admin: { readOnly: true, hidden: true } },
        { name: 'tagNames', type: 'text', label: label('tagNames'), admin: { readOnly: true } },
        {
          name: 'publishedAt',
          type: 'date',
          label: label('publishedAt'),
          index: true,
          admin: { readOnly: true },
        },
      ],
    },
    beforeSync: async ({ originalDoc, searchDoc, payload, req }) => {
      const tagIds = ((originalDoc.tags ?? []) as unknown[]).map((tag) => idOf(tag)!)
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
        body: htmlToText(originalDoc.contentHtml ?? ''),
        tagNames: tags.docs.map((tag) => tag.name).join(', '),
        publishedAt: originalDoc.publishedAt ?? null,
      }
    },
  })

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
  id: Id
  title?: string | null
  slug?: string | null
  excerpt?: string | null
  body?: string | null
  tagNames?: string | null
  publishedAt?: string | null
  doc: { relationTo: string; value: unknown }
}

/** Occurrences of a lower-case term in lower-case text. */
function count(text: string, term: string): number {
  let found = 0
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) found += 1
  return found
}

function snippetAround(text: string, lowered: string, term: string): string {
  const at = lowered.indexOf(term)
  if (at === -1) return text.slice(0, 160)
  const start = Math.max(0, at - 60)
  return `${start > 0 ? '…' : ''}${text.slice(start, at + term.length + 100)}${at + term.length + 100 < text.length ? '…' : ''}`
}

const FIELDS = ['title', 'tagNames', 'excerpt', 'body'] as const
type Lowered = Record<(typeof FIELDS)[number], string>

// Bounds staleness when several instances run: each hears only of its own writes.
const SNAPSHOT_TTL_MS = 60_000

let indexGeneration = 0
onContentChange((collection) => {
  if (collection === SEARCH_INDEX) indexGeneration += 1
})

type RankableRow = IndexRow & { lowered: Lowered }
const withLowered = (row: IndexRow): RankableRow => ({
  ...row,
  lowered: Object.fromEntries(FIELDS.map((field) => [field, (row[field] ?? '').toLowerCase()])) as Lowered,
})

type Snapshot = { generation: number; loadedAt: number; rows: Promise<RankableRow[] | null> }
const snapshots = new WeakMap<Payload, Snapshot>()

/**
 * Indexes up to `search.memoryLimit` rows are ranked from a copy in memory (a few MB for a
 * blog) instead of loading every candidate row from the database for each query.
 */
async function loadRows(payload: Payload) {
  const limit = devlogOptions(payload.config).search.memoryLimit
  const { totalDocs } = await payload.count({ collection: SEARCH_INDEX, overrideAccess: true })
  if (totalDocs > limit) return null
  const { docs } = await payload.find({ collection: SEARCH_INDEX, pagination: false, depth: 0, overrideAccess: true })
  return docs.map((doc) => withLowered(doc as IndexRow))
}

/** The whole index, loaded again after it changes; `null` when it is too large to hold. */
function indexInMemory(payload: Payload) {
  const current = snapshots.get(payload)
  if (current && current.generation === indexGeneration && Date.now() - current.loadedAt < SNAPSHOT_TTL_MS)
    return current.rows
  const snapshot: Snapshot = { generation: indexGeneration, loadedAt: Date.now(), rows: loadRows(payload) }
  // A failed load is tried again by the next search.
  snapshot.rows.catch(() => snapshots.delete(payload))
  snapshots.set(payload, snapshot)
  return snapshot.rows
}

/** Rows with every term somewhere in their title, tags, excerpt or body, newest first. */
async function candidates(payload: Payload, req: PayloadRequest, terms: string[]): Promise<RankableRow[]> {
  const rows = await indexInMemory(payload)
  if (rows) {
    return rows
      .filter((row) => terms.every((term) => FIELDS.some((field) => row.lowered[field].includes(term))))
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, CANDIDATES)
  }
  const { docs } = await payload.find({
    collection: SEARCH_INDEX,
    where: {
      and: terms.map((term) => ({
        or: FIELDS.map((field) => ({ [field]: { like: term } })),
      })),
    },
    sort: '-publishedAt',
    limit: CANDIDATES,
    // The hits are counted after ranking; Payload's own count would be a second query.
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
  })
  return docs.map((doc) => withLowered(doc as IndexRow))
}

/**
 * Every term must appear in the title, tags, excerpt or body; hits rank by where the terms are
 * (title ×10, tags ×5, excerpt ×3, each body occurrence ×1), newest first on ties.
 */
export async function search(payload: Payload, req: PayloadRequest, query: string, page = 1, limit = 10) {
  const terms = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8)
  if (!terms.length) throw httpError('q: a search needs at least one word.')
  if (!Number.isInteger(page) || page < 1) throw httpError('page must be a whole number from 1.')
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw httpError(`limit must be a whole number from 1 to ${MAX_LIMIT}.`)
  const ranked = (await candidates(payload, req, terms))
    .map((row) => ({
      row,
      score: terms.reduce(
        (sum, term) =>
          sum +
          count(row.lowered.title, term) * 10 +
          count(row.lowered.tagNames, term) * 5 +
          count(row.lowered.excerpt, term) * 3 +
          count(row.lowered.body, term),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score || (b.row.publishedAt ?? '').localeCompare(a.row.publishedAt ?? ''))
  const docs: SearchHit[] = ranked.slice((page - 1) * limit, page * limit).map(({ row, score }) => {
    const snippetSource = row.body
      ? { text: row.body, lowered: row.lowered.body }
      : { text: row.excerpt ?? '', lowered: row.lowered.excerpt }
    return {
      collection: row.doc.relationTo,
      id: idOf(row.doc.value)!,
      title: row.title ?? '',
      slug: row.slug ?? '',
      excerpt: row.excerpt ?? null,
      publishedAt: row.publishedAt ?? null,
      score,
      snippet: snippetAround(snippetSource.text, snippetSource.lowered, terms[0]),
    }
  })
  return {
    query,
    page,
    limit,
    totalDocs: ranked.length,
    totalPages: Math.ceil(ranked.length / limit),
    docs,
  }
}
