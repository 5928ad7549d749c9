import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
  RequestContext,
} from 'payload'

import type { Id } from '../../../shared/documents'
import { idsOf } from '../../../shared/lib/ids'
import type { Post } from '../../types'

/**
 * Each tag stores how many published posts use it. Written at the database layer, without a tag
 * update's hooks, validation and read-back; cached tag responses follow the post change that
 * caused it, and `updatedAt` moves the tag page's sitemap lastmod.
 */
async function setPostCount(req: PayloadRequest, id: Id, postCount: number | { $inc: number }) {
  await req.payload.db.updateOne({
    collection: 'tags',
    id,
    data: { postCount, updatedAt: new Date().toISOString() },
    req,
    returning: false,
  })
}

/** Each id once, whether a value held it as a number or a string. */
const distinct = (ids: Id[]) => [...new Map(ids.map((id) => [String(id), id])).values()]

/** Counts the published posts of the tags a change touched anew. */
async function recount(req: PayloadRequest, tagIds: Id[]) {
  for (const id of distinct(tagIds)) {
    const { totalDocs } = await req.payload.db.count({
      collection: 'posts',
      where: { and: [{ tags: { in: [id] } }, { _status: { equals: 'published' } }] },
      req,
    })
    await setPostCount(req, id, totalDocs)
  }
}

/** What decides which tags count a post: its status and tags as stored (not as in its latest draft). */
type Counted = { status: Post['_status']; tags: Id[] }

// Kept in the operation's context between the hooks, by post id (one request may save many posts).
const STORED = 'devlogPostTagsAsStored'
const storedBefore = (context: RequestContext) => ((context[STORED] as Map<string, Counted>) ??= new Map())

const countsAlike = (a: Counted, b: Counted) => {
  const [left, right] = [a.tags, b.tags].map((tags) => new Set(tags.map(String)))
  return a.status === b.status && left.size === right.size && [...left].every((id) => right.has(id))
}

/**
 * An update's `originalDoc` and `previousDoc` are the post's latest version, a draft perhaps,
 * while the tag counts follow the stored post: read its tags and status before it changes.
 */
export const readCountedTagsBeforeChange: CollectionBeforeChangeHook<Post> = async ({
  data,
  operation,
  originalDoc,
  context,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const stored = await req.payload.db.findOne<Post>({
    collection: 'posts',
    where: { id: { equals: originalDoc.id } },
    select: { tags: true, _status: true },
    req,
  })
  if (stored) storedBefore(context).set(String(originalDoc.id), { status: stored._status, tags: idsOf(stored.tags) })
  return data
}

export const updateTagCountsAfterChange: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  operation,
  context,
  req,
}) => {
  const after: Counted = { status: doc._status, tags: idsOf(doc.tags) }
  if (operation === 'create') {
    // A new post is stored as `doc` says, so it adds one to each of its tags if it is published: an
    // atomic increment in the post's own transaction, where a recount would read every post of the
    // tag (three counts per post for an import, each growing with the blog).
    if (after.status === 'published') for (const id of distinct(after.tags)) await setPostCount(req, id, { $inc: 1 })
    return doc
  }
  const before = storedBefore(context).get(String(doc.id))
  storedBefore(context).delete(String(doc.id))
  // The stored post is now as it was (a draft was saved) or as `doc` is: if the two count alike,
  // no count moved. Otherwise the tags of either may have.
  if (before && countsAlike(before, after)) return doc
  await recount(req, [...after.tags, ...(before?.tags ?? idsOf(previousDoc?.tags))])
  return doc
}

export const updateTagCountsAfterDelete: CollectionAfterDeleteHook<Post> = async ({ doc, req }) => {
  await recount(req, idsOf(doc.tags))
  return doc
}
