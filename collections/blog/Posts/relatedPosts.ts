import type { Payload, PayloadRequest } from 'payload'

import { idsOf } from '../../shared/lib/ids'

/** The most related posts one request may ask for. */
export const MAX_RELATED = 20

export type RelatedPost = {
  id: number | string
  title: string
  slug: string
  publishedAt?: string | null
  sharedTags: number
  handPicked: boolean
}

/**
 * Related posts of a post: the hand-picked ones first (in the editor's order), then published
 * posts sharing tags with it, most shared tags first and newest next.
 */
export async function findRelatedPosts(
  payload: Payload,
  req: PayloadRequest,
  id: number | string,
  limit: number,
): Promise<RelatedPost[]> {
  const post = await payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: false, user: req.user, req })
  const tagIds = idsOf(post.tags)
  const handPickedIds = idsOf(post.relatedPosts)
  const published = { _status: { equals: 'published' } } as const
  const select = { title: true, slug: true, publishedAt: true, tags: true } as const

  const handPicked = handPickedIds.length
    ? (
        await payload.find({
          collection: 'posts',
          where: { and: [{ id: { in: handPickedIds } }, published] },
          select,
          depth: 0,
          limit: handPickedIds.length,
          req,
        })
      ).docs
    : []
  const byId = new Map(handPicked.map((doc) => [String(doc.id), doc]))
  const result: RelatedPost[] = handPickedIds
    .map((handPickedId) => byId.get(String(handPickedId)))
    .filter((doc): doc is (typeof handPicked)[number] => Boolean(doc))
    .map((doc) => toRelated(doc, tagIds, true))

  if (tagIds.length && result.length < limit) {
    const excluded = [id, ...handPickedIds]
    const { docs } = await payload.find({
      collection: 'posts',
      where: { and: [{ tags: { in: tagIds } }, published, { id: { not_in: excluded } }] },
      select,
      depth: 0,
      sort: '-publishedAt',
      limit: 200,
      req,
    })
    const ranked = docs
      .map((doc) => toRelated(doc, tagIds, false))
      .sort((a, b) => b.sharedTags - a.sharedTags || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    result.push(...ranked)
  }
  return result.slice(0, limit)
}

type RelatedSource = { id: number | string; title?: unknown; slug?: unknown; publishedAt?: unknown; tags?: unknown }

const toRelated = (doc: RelatedSource, tagIds: (number | string)[], handPicked: boolean): RelatedPost => ({
  id: doc.id,
  title: String(doc.title ?? ''),
  slug: String(doc.slug ?? ''),
  publishedAt: typeof doc.publishedAt === 'string' ? doc.publishedAt : null,
  sharedTags: sharedCount(doc.tags, tagIds),
  handPicked,
})

function sharedCount(tags: unknown, tagIds: (number | string)[]): number {
  const wanted = new Set(tagIds.map(String))
  return idsOf(tags).filter((tag) => wanted.has(String(tag))).length
}
