import type { PayloadRequest } from 'payload'

import { idsOf } from '../../shared/lib/ids'
import { httpError } from '../../shared/endpoints'
import { inTransaction } from '../../shared/transactions'

/**
 * Moves every post (and every draft) from one tag to another, then deletes the old tag, in one
 * transaction: either all posts are re-tagged and the tag is gone, or nothing changed.
 */
export async function mergeTag(req: PayloadRequest, sourceId: number | string, targetId: number | string) {
  const { payload } = req
  if (String(sourceId) === String(targetId)) throw httpError('A tag cannot be merged into itself.')
  const { targetTagId, movedPosts } = await inTransaction(req, async () => {
    const source = await payload.findByID({ collection: 'tags', id: sourceId, depth: 0, req, disableErrors: true })
    if (!source) throw httpError(`No tag with id ${sourceId}.`, 404)
    const target = await payload.findByID({ collection: 'tags', id: targetId, depth: 0, req, disableErrors: true })
    if (!target) throw httpError(`into: no tag with id ${targetId}.`)

    const { docs: posts } = await payload.find({
      collection: 'posts',
      where: { tags: { in: [source.id] } },
      draft: true,
      depth: 0,
      pagination: false,
      select: { tags: true, _status: true },
      overrideAccess: true,
      req,
    })
    for (const post of posts) {
      const tags = [...new Set(idsOf(post.tags).map((id) => (String(id) === String(source.id) ? target.id : id)))]
      await payload.update({
        collection: 'posts',
        id: post.id,
        // Ids are numbers on SQLite and strings on MongoDB; a host's generated types know one of them.
        data: { tags: tags as number[] },
        overrideAccess: true,
        req,
        context: { mergingTag: true },
      })
    }
    await payload.delete({
      collection: 'tags',
      id: source.id,
      overrideAccess: true,
      req,
      context: { mergingTag: true },
    })
    return { targetTagId: target.id, movedPosts: posts.length }
  })
  const merged = await payload.findByID({ collection: 'tags', id: targetTagId, depth: 0, req })
  return { tag: merged, movedPosts }
}
