import type { PayloadRequest, Where } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { httpError } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'
import { operatedGroupIds } from '../access'
import { currentSession, takesPart } from '../rosterRules'
import { buildBoard, type Board, type BoardSession } from './board'

export type WeekPerson = { membershipId: Id; displayName: string; handle: string | null; submissionId: Id | null }
export type CohortWeek = {
  cohort: { id: Id; label: string; groupName: string }
  timeZone: string
  /** The session whose deadline is next (this week's), or null once every deadline has passed. */
  session: BoardSession | null
  submitted: WeekPerson[]
  notSubmitted: WeekPerson[]
  atRisk: WeekPerson[]
}

/** Who has and has not submitted for the current session, and who is at risk, from a board. */
export function weekOfBoard(board: Board, now: Date): CohortWeek {
  const session = currentSession(board.sessions, now)
  const rows = board.rows.filter((row) => takesPart(row.status))
  const person = (row: Board['rows'][number]): WeekPerson => ({
    membershipId: row.membershipId,
    displayName: row.member.displayName,
    handle: row.member.handle,
    submissionId: session ? (row.submissions[String(session.id)]?.id ?? null) : null,
  })
  const people = rows.map(person)
  return {
    cohort: { id: board.cohort.id, label: board.cohort.label, groupName: board.cohort.group.name },
    timeZone: board.rules.timeZone,
    session,
    submitted: session ? people.filter((each) => each.submissionId !== null) : [],
    notSubmitted: session ? people.filter((each) => each.submissionId === null) : [],
    atRisk: rows.filter((row) => row.summary.atRisk).map(person),
  }
}

/**
 * The active cohorts the user runs (every active cohort for an admin), each with this week's
 * standing. Operators of a program see its sub-studies' cohorts too.
 */
export async function cohortsThisWeek(req: PayloadRequest, now = new Date()): Promise<CohortWeek[]> {
  if (!req.user) throw httpError('Sign in as an operator to see your cohorts this week.', 401)
  if (!hasRole(req.user, 'admin', 'operator')) throw httpError('Only operators and admins run cohorts.', 403)
  const groups = hasRole(req.user, 'admin') ? null : await operatedGroupIds(req)
  if (groups && groups.length === 0) return []
  const where: Where = {
    and: [{ status: { equals: 'active' } }, ...(groups ? [{ group: { in: groups } }] : [])],
  }
  const { docs } = await req.payload.find({
    collection: 'cohorts',
    where,
    sort: 'startDate',
    limit: 20,
    depth: 0,
    select: { label: true },
    overrideAccess: true,
    req,
  })
  const boards = await Promise.all(docs.map((cohort) => buildBoard(req, cohort.id, { now })))
  return boards.map((board) => weekOfBoard(board, now))
}
