import type { PayloadRequest } from 'payload'

import type { Id } from '../shared/documents'
import { GOAL_STATUSES, type GoalStatus } from './constants'

type GoalRow = { id?: string | null; text: string; status: GoalStatus; area?: Id | { name?: string | null } | null }
type RetrospectiveRow = { id: Id; title?: string | null; _status?: string | null; goals?: GoalRow[] | null }

export type LatestGoals = {
  retrospective: { id: Id; title: string; published: boolean }
  byStatus: { status: GoalStatus; goals: { id: string; text: string; area: string | null }[] }[]
} | null

/**
 * The goals of the latest retrospective the user may read (by the end of its period, drafts
 * included for those who may read drafts), grouped by status in the order a goal moves through.
 */
export async function latestRetrospectiveGoals(req: PayloadRequest): Promise<LatestGoals> {
  const { docs } = await req.payload.find({
    collection: 'retrospectives',
    draft: true,
    sort: '-period.endDate',
    limit: 1,
    depth: 1,
    select: { title: true, goals: true, _status: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const retrospective = docs[0] as RetrospectiveRow | undefined
  if (!retrospective) return null
  const goals = retrospective.goals ?? []
  return {
    retrospective: {
      id: retrospective.id,
      title: retrospective.title || '—',
      published: retrospective._status === 'published',
    },
    byStatus: GOAL_STATUSES.map((status) => ({
      status,
      goals: goals
        .filter((goal) => goal.status === status)
        .map((goal, index) => ({
          id: goal.id ?? `${status}-${index}`,
          text: goal.text,
          area: typeof goal.area === 'object' && goal.area ? (goal.area.name ?? null) : null,
        })),
    })).filter((group) => group.goals.length > 0),
  }
}
