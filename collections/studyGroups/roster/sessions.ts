import type { PayloadRequest } from 'payload'

import { deadlineBefore, sessionDates, type Weekday } from '../deadlines'
import { loadCohortForRoster } from './board'
import { httpError } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'
import { inTransaction } from '../../shared/transactions'

/**
 * Creates the cohort's sessions from its group's cadence, numbered from 1, each with the
 * submission deadline the group's rules give. Weeks that already have a session are kept as they
 * are, so running it again only fills gaps. All sessions are created or none.
 */
export async function generateSessions(req: PayloadRequest, cohortId: Id) {
  const { cohort, group } = await loadCohortForRoster(req, cohortId)
  const rules = group.rules ?? {}
  const timeZone = rules.timeZone ?? 'Asia/Seoul'
  const dates = sessionDates({
    start: cohort.startDate.slice(0, 10),
    end: cohort.endDate.slice(0, 10),
    cadence: (rules.cadence ?? 'weekly') as 'weekly' | 'biweekly' | 'monthly',
    weekday: (rules.sessionWeekday ?? undefined) as Weekday | undefined,
    time: rules.sessionTime ?? '20:00',
    timeZone,
  })
  if (dates.length === 0) throw httpError('The cohort’s dates hold no session for this cadence.')

  const existing = await req.payload.find({
    collection: 'study-sessions',
    where: { cohort: { equals: cohort.id } },
    select: { number: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const taken = new Set(existing.docs.map((session) => session.number))
  return inTransaction(req, async () => {
    const created: Id[] = []
    for (const [index, date] of dates.entries()) {
      const number = index + 1
      if (taken.has(number)) continue
      const deadline = rules.deadlineWeekday
        ? deadlineBefore(date, {
            weekday: rules.deadlineWeekday as Weekday,
            time: rules.deadlineTime ?? '23:59:59',
            timeZone,
          })
        : date
      const session = await req.payload.create({
        collection: 'study-sessions',
        data: { cohort: cohort.id, number, date: date.toISOString(), deadline: deadline.toISOString() },
        overrideAccess: true,
        req,
      })
      created.push(session.id)
    }
    return { created: created.length, kept: taken.size, total: dates.length }
  })
}
