import type { FieldHook } from 'payload'

import { neighbour, type Neighbour } from '../../shared/lib/neighbours'
import type { Retrospective } from '../types'

export type RetrospectiveNavigation = { previous: Neighbour | null; next: Neighbour | null }

/**
 * `previous` and `next` retrospectives of the same kind, among those the reader may see. Computed
 * on read: publishing any retrospective can change its neighbours' navigation.
 */
export const retrospectiveNavigation: FieldHook<Retrospective, RetrospectiveNavigation | null, Retrospective> = async ({
  siblingData,
  req,
  context,
}) => {
  if (context.withinRetrospectiveNavigation) return null
  const period = siblingData?.period
  if (!period?.kind || !period?.startDate) return null
  const find = async (direction: 'previous' | 'next'): Promise<Neighbour | null> => {
    const { docs } = await req.payload.find({
      collection: 'retrospectives',
      where: {
        and: [
          { 'period.kind': { equals: period.kind } },
          {
            'period.startDate':
              direction === 'previous' ? { less_than: period.startDate } : { greater_than: period.startDate },
          },
        ],
      },
      sort: direction === 'previous' ? '-period.startDate' : 'period.startDate',
      select: { title: true, slug: true },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      // A request of its own: context set here must not leak into the reader's request.
      context: { withinRetrospectiveNavigation: true },
    })
    return neighbour(docs[0])
  }
  const [previous, next] = await Promise.all([find('previous'), find('next')])
  return { previous, next }
}
