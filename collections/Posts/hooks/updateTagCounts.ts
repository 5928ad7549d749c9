import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

type TagRef = number | string | { id: number | string }

const ids = (tags: unknown): (number | string)[] =>
  Array.isArray(tags) ? (tags as TagRef[]).map((tag) => (typeof tag === 'object' ? tag.id : tag)) : []

/** Each tag stores how many published posts use it; recounted for the tags a change touched. */
async function recount(req: PayloadRequest, tagIds: (number | string)[]) {
  for (const id of new Set(tagIds)) {
    const { totalDocs } = await req.payload.count({
      collection: 'posts',
      where: { and: [{ tags: { in: [id] } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    await req.payload.update({
      collection: 'tags',
      id,
      data: { postCount: totalDocs },
      // Nothing of the tag is read back: its `posts` join alone grows with every post.
      depth: 0,
      select: { postCount: true },
      overrideAccess: true,
      req,
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
