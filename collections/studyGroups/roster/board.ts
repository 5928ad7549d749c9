import { Forbidden, type PayloadRequest } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { operatesGroup } from '../access'
import { idOf } from '../../shared/lib/ids'
import {
  summariseMembership,
  takesPart,
  weeklyReport,
  type AttendanceStatus,
  type MembershipSummary,
  type RosterRules,
  type SessionInput,
  type SubmissionInput,
  type SubmissionReview,
  type WeekReport,
} from '../rosterRules'
import type { SubmissionSource } from '../constants'
import { httpError } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'

/** The stored rows the board reads, as the database adapter returns them (no afterRead work). */
type SessionRow = {
  id: Id
  number: number
  date: string
  deadline?: string | null
  topic?: string | null
  attendance?: { membership: Id | { id: Id }; status?: string | null }[] | null
}
type MembershipRow = { id: Id; member: Id | { id: Id }; role: string; status: string }

type SubmissionRow = {
  id: Id
  membership: Id | { id: Id }
  session: Id | { id: Id }
  submittedAt: string
  url?: string | null
  title?: string | null
  source?: SubmissionSource | null
  review?: SubmissionReview | null
}

export type BoardSession = { id: Id; number: number; date: string; deadline: string | null; topic: string | null }
export type BoardRow = {
  membershipId: Id
  member: { id: Id; displayName: string; handle: string | null }
  role: string
  status: string
  summary: MembershipSummary
  submissions: Record<
    string,
    {
      id: Id
      url: string | null
      title: string | null
      submittedAt: string
      source: SubmissionSource
      review: SubmissionReview | null
    }
  >
}
export type Board = {
  cohort: { id: Id; label: string; group: { id: Id; name: string }; startDate: string; endDate: string }
  rules: RosterRules & { timeZone: string }
  sessions: BoardSession[]
  rows: BoardRow[]
  weeks: WeekReport[]
}

/** The cohort, its group's rules, and a check that the user may see the group's roster. */
export async function loadCohortForRoster(req: PayloadRequest, cohortId: Id, { requireOperator = true } = {}) {
  const cohort = await req.payload.findByID({
    collection: 'cohorts',
    id: cohortId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!cohort) throw httpError(`No cohort with id ${cohortId}.`, 404)
  const group = await req.payload.findByID({
    collection: 'study-groups',
    id: idOf(cohort.group)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (requireOperator && !hasRole(req.user, 'admin') && !(await operatesGroup(req, group.id)))
    throw new Forbidden(req.t)
  return { cohort, group }
}

/**
 * The roster board of a cohort: every membership × session cell with its status, per-member
 * summaries and per-week rates. A fixed handful of queries whatever the roster's size; the
 * statuses are computed in memory.
 */
export async function buildBoard(
  req: PayloadRequest,
  cohortId: Id,
  {
    now = new Date(),
    requireOperator = true,
    membershipId,
  }: { now?: Date; requireOperator?: boolean; membershipId?: Id } = {},
): Promise<Board> {
  const { cohort, group } = await loadCohortForRoster(req, cohortId, { requireOperator })
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  // Rows that only feed the computation are read straight from the database adapter, without
  // Payload's per-document afterRead work: thousands of submissions make this the hot path.
  const raw = { limit: 0, pagination: false, req } as const
  const [sessions, memberships] = await Promise.all([
    req.payload.db.find<SessionRow>({
      collection: 'study-sessions',
      where: { cohort: { equals: cohort.id } },
      sort: 'number',
      ...raw,
    }),
    req.payload.db.find<MembershipRow>({
      collection: 'memberships',
      where: {
        and: [
          { cohort: { equals: cohort.id } },
          ...(membershipId !== undefined ? [{ id: { equals: membershipId } }] : []),
        ],
      },
      ...raw,
    }),
  ])
  const memberIds = [...new Set(memberships.docs.map((membership) => idOf(membership.member)!))]
  const sessionIds = sessions.docs.map((session) => session.id)
  const [members, submissions] = await Promise.all([
    memberIds.length
      ? req.payload.find({
          collection: 'members',
          where: { id: { in: memberIds } },
          select: { displayName: true, handle: true },
          ...common,
        })
      : { docs: [] },
    sessionIds.length
      ? req.payload.db.find<SubmissionRow>({
          collection: 'submissions',
          where: {
            and: [
              { session: { in: sessionIds } },
              ...(membershipId !== undefined ? [{ membership: { equals: membershipId } }] : []),
            ],
          },
          select: {
            membership: true,
            session: true,
            submittedAt: true,
            url: true,
            title: true,
            source: true,
            review: true,
          },
          limit: 0,
          pagination: false,
          req,
        })
      : { docs: [] as SubmissionRow[] },
  ])

  const rules: RosterRules = {
    passesPerMember: group.rules?.passesPerMember ?? 0,
    finePerMiss: group.rules?.finePerMiss ?? 0,
    atRiskMisses: group.rules?.atRiskMisses ?? 3,
  }
  const sessionInputs: SessionInput[] = sessions.docs.map((session) => ({
    id: session.id,
    number: session.number,
    deadline: session.deadline ? new Date(session.deadline) : null,
    attendance: new Map(
      (session.attendance ?? []).map((entry) => [String(idOf(entry.membership)), entry.status as AttendanceStatus]),
    ),
  }))
  const submissionsByMembership = new Map<string, typeof submissions.docs>()
  for (const submission of submissions.docs) {
    const key = String(idOf(submission.membership))
    submissionsByMembership.set(key, [...(submissionsByMembership.get(key) ?? []), submission])
  }
  const membersById = new Map(members.docs.map((member) => [String(member.id), member]))

  const rows: BoardRow[] = memberships.docs
    .map((membership) => {
      // A rejected submission is as if there were none (it stays in the submissions list).
      const own = (submissionsByMembership.get(String(membership.id)) ?? []).filter(
        (submission) => submission.review !== 'rejected',
      )
      const inputs: SubmissionInput[] = own.map((submission) => ({
        id: submission.id,
        membershipId: String(membership.id),
        sessionId: idOf(submission.session)!,
        submittedAt: new Date(submission.submittedAt),
        review: submission.review ?? null,
      }))
      const member = membersById.get(String(idOf(membership.member)))
      return {
        membershipId: membership.id,
        member: {
          id: idOf(membership.member)!,
          displayName: String(member?.displayName ?? '?'),
          handle: typeof member?.handle === 'string' ? member.handle : null,
        },
        role: membership.role,
        status: membership.status,
        summary: summariseMembership(String(membership.id), sessionInputs, inputs, rules, now),
        submissions: Object.fromEntries(
          own.map((submission) => [
            String(idOf(submission.session)),
            {
              id: submission.id,
              url: submission.url ?? null,
              title: submission.title ?? null,
              submittedAt: submission.submittedAt,
              source: submission.source ?? 'manual',
              review: submission.review ?? null,
            },
          ]),
        ),
      }
    })
    .sort((a, b) => a.member.displayName.localeCompare(b.member.displayName, 'ko'))

  return {
    cohort: {
      id: cohort.id,
      label: cohort.label,
      group: { id: group.id, name: group.name },
      startDate: cohort.startDate,
      endDate: cohort.endDate,
    },
    rules: { ...rules, timeZone: group.rules?.timeZone ?? 'Asia/Seoul' },
    sessions: sessions.docs.map((session) => ({
      id: session.id,
      number: session.number,
      date: session.date,
      deadline: session.deadline ?? null,
      topic: session.topic ?? null,
    })),
    rows,
    // Applicants and drop-outs are on the board but do not count towards the cohort's rates.
    weeks: weeklyReport(
      sessionInputs,
      rows.filter((row) => takesPart(row.status)).map((row) => row.summary),
      now,
    ),
  }
}
