import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Id } from '../../../shared/documents'
import { idsOf } from '../../../shared/lib/ids'
import type { Post } from '../../types'

/** Each tag stores how many published posts use it; recounted for the tags a change touched. */
async function recount(req: PayloadRequest, tagIds: Id[]) {
  for (const id of new Set(tagIds)) {
    const { totalDocs } = await req.payload.db.count({
      collection: 'posts',
      where: { and: [{ tags: { in: [id] } }, { _status: { equals: 'published' } }] },
      req,
    })
    // A derived counter: written at the database layer, without a tag update's hooks, validation
    // and read-back (an import recounts one to three tags per post). Cached tag responses follow
    // the post change that caused the recount; `updatedAt` moves the tag page's sitemap lastmod.
    await req.payload.db.updateOne({
      collection: 'tags',
      id,
      data: { postCount: totalDocs, updatedAt: new Date().toISOString() },
      req,
      returning: false,
    })
  }
}

export const updateTagCountsAfterChange: CollectionAfterChangeHook<Post> = async ({ doc, previousDoc, req }) => {
  await recount(req, [...idsOf(doc.tags), ...idsOf(previousDoc?.tags)])
  return doc
}

export const updateTagCountsAfterDelete: CollectionAfterDeleteHook<Post> = async ({ doc, req }) => {
  await recount(req, idsOf(doc.tags))
  return doc
}
