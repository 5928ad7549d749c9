import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { idOf } from '../../../shared/lib/ids'

const ids = (tags: unknown): (number | string)[] => (Array.isArray(tags) ? tags.map((tag) => idOf(tag)!) : [])

/** Each tag stores how many published posts use it; recounted for the tags a change touched. */
async function recount(req: PayloadRequest, tagIds: (number | string)[]) {
  for (const id of new Set(tagIds)) {
    const { totalDocs } = await req.payload.count({
      collection: 'posts',
      where: { and: [{ tags: { in: [id] } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
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

export const updateTagCountsAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await recount(req, [...ids(doc.tags), ...ids(previousDoc?.tags)])
  return doc
}

export const updateTagCountsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recount(req, ids(doc.tags))
  return doc
}
