import type { Payload, PayloadRequest } from 'payload'

import { GOAL_STATUSES, type GoalStatus } from '../constants'
export type GoalCounts = Record<GoalStatus, number> & { total: number }

export type TimelineEntry = {
  id: number | string
  title: string
  slug: string
  excerpt: string | null
  period: { kind: string; year: number; index: number | null; startDate: string; endDate: string }
  goals: GoalCounts
  /** Goals carried over from an earlier retrospective. */
  carried: number
}

export type TimelineYear = {
  year: number
  achievedShare: number | null
  goals: GoalCounts
  retrospectives: TimelineEntry[]
}

export function countGoals(goals: { status?: string | null }[] | null | undefined): GoalCounts {
  const counts = Object.fromEntries(GOAL_STATUSES.map((status) => [status, 0])) as GoalCounts
  counts.total = 0
  for (const goal of goals ?? []) {
    if (GOAL_STATUSES.includes(goal.status as GoalStatus)) counts[goal.status as GoalStatus] += 1
    counts.total += 1
  }
  return counts
}

function addCounts(into: GoalCounts, from: GoalCounts) {
  for (const key of [...GOAL_STATUSES, 'total'] as const) into[key] += from[key]
}

/**
 * Published retrospectives grouped by year, newest first, with goal counts by status and, per
 * year, the share of goals achieved (null for a year without goals).
 */
export async function buildTimeline(payload: Payload, req: PayloadRequest): Promise<TimelineYear[]> {
  const { docs } = await payload.find({
    collection: 'retrospectives',
    where: { _status: { equals: 'published' } },
    sort: '-period.startDate',
    select: {
      title: true,
      slug: true,
      excerpt: true,
      period: true,
      goals: { status: true, carriedFromRetrospective: true },
    },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    // The timeline needs no navigation; a request of its own keeps that flag out of the caller's.
    context: { withinRetrospectiveNavigation: true },
  })
  const years = new Map<number, TimelineYear>()
  for (const doc of docs) {
    const period = doc.period as TimelineEntry['period']
    const goalRows = (doc.goals ?? []) as { status?: string; carriedFromRetrospective?: unknown }[]
    const goals = countGoals(goalRows)
    const year = years.get(period.year) ?? {
      year: period.year,
      achievedShare: null,
      goals: countGoals([]),
      retrospectives: [],
    }
    year.retrospectives.push({
      id: doc.id,
      title: String(doc.title),
      slug: String(doc.slug),
      excerpt: typeof doc.excerpt === 'string' ? doc.excerpt : null,
      period,
      goals,
      carried: goalRows.filter((goal) => goal.carriedFromRetrospective != null).length,
    })
    addCounts(year.goals, goals)
    years.set(period.year, year)
  }
  return [...years.values()]
    .sort((a, b) => b.year - a.year)
    .map((year) => ({
      ...year,
      achievedShare: year.goals.total ? Math.round((year.goals.achieved / year.goals.total) * 1000) / 1000 : null,
    }))
}
