import type { CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../shared/documents'
import { UNFINISHED_STATUSES } from '../../constants'
import type { Retrospective, RetrospectiveGoal } from '../../types'

/** The latest published retrospective of the same kind that ends before `startDate`. */
export async function findPreviousRetrospective(
  payload: Payload,
  req: PayloadRequest,
  kind: string,
  startDate: string,
  excludeId?: Id,
) {
  const { docs } = await payload.find({
    collection: 'retrospectives',
    where: {
      and: [
        { 'period.kind': { equals: kind } },
        { 'period.endDate': { less_than: startDate } },
        { _status: { equals: 'published' } },
        ...(excludeId !== undefined ? [{ id: { not_equals: excludeId } }] : []),
      ],
    },
    sort: '-period.endDate',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs[0] as Retrospective | undefined) ?? null
}

/**
 * A new retrospective starts by reviewing the previous period's unfinished goals: those not
 * achieved or dropped are copied in, each linked to the goal it came from. Editors may remove them.
 */
export const carryOverGoals: CollectionBeforeChangeHook<Retrospective> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data.period?.startDate || req.context.skipCarryOver) return data
  const previous = await findPreviousRetrospective(req.payload, req, data.period.kind, data.period.startDate)
  if (!previous) return data
  const existing = data.goals ?? []
  const alreadyLinked = new Set(existing.map((goal) => goal.carriedFromGoal).filter(Boolean))
  const unfinished: readonly RetrospectiveGoal['status'][] = UNFINISHED_STATUSES
  const carried: RetrospectiveGoal[] = (previous.goals ?? [])
    .filter((goal) => unfinished.includes(goal.status) && !alreadyLinked.has(goal.id))
    .map((goal) => ({
      text: goal.text,
      area: goal.area,
      status: goal.status,
      note: goal.note,
      carriedFromRetrospective: previous.id,
      carriedFromGoal: goal.id,
    }))
  return { ...data, goals: [...carried, ...existing] }
}
