import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import type { Retrospective } from '../../types'

/** At most one published retrospective per year, half, quarter or month. */
export const onePublishedPerPeriod: CollectionBeforeChangeHook<Retrospective> = async ({
  data,
  originalDoc,
  req,
  collection,
}) => {
  const period = data.period ?? originalDoc?.period
  if (data._status !== 'published' || !period || period.kind === 'custom') return data
  const { docs } = await req.payload.find({
    collection: 'retrospectives',
    where: {
      and: [
        { 'period.kind': { equals: period.kind } },
        { 'period.year': { equals: period.year } },
        ...(period.index ? [{ 'period.index': { equals: period.index } }] : []),
        { _status: { equals: 'published' } },
        ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    select: { title: true, slug: true },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = docs[0]
  if (existing) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          path: period.kind === 'year' ? 'period.year' : 'period.index',
          message: `"${existing.title}" (${existing.slug}) is already the published retrospective for this period.`,
        },
      ],
    })
  }
  return data
}
