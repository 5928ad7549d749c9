import type { FieldHook } from 'payload'

import { idOf } from '../../../shared/lib/ids'
import { neighbour, type Neighbour } from '../../../shared/lib/neighbours'
import type { Post } from '../../types'

export type SeriesNavigation = { position: number; total: number; previous: Neighbour | null; next: Neighbour | null }

/**
 * Previous and next posts of the post's series, in series order, among the posts the reader may
 * see. Computed on read since any post of the series may move; posts outside a series cost nothing.
 */
export const seriesNavigation: FieldHook<Post, SeriesNavigation | null, Post> = async ({
  siblingData,
  req,
  context,
}) => {
  // The neighbours are posts too: do not compute their own navigation.
  if (context.withinSeriesNavigation) return null
  const seriesId = idOf(siblingData?.series)
  if (seriesId === null) return null
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { series: { equals: seriesId } },
    sort: ['seriesOrder', 'publishedAt'],
    select: { title: true, slug: true },
    depth: 0,
    limit: 500,
    overrideAccess: false,
    user: req.user,
    // A request of its own: context set here must not leak into the reader's request.
    context: { withinSeriesNavigation: true },
  })
  const index = docs.findIndex((doc) => String(doc.id) === String(siblingData.id))
  if (index === -1) return null
  return {
    position: index + 1,
    total: docs.length,
    previous: neighbour(docs[index - 1]),
    next: neighbour(docs[index + 1]),
  } satisfies SeriesNavigation
}
