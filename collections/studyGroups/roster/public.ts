import { Forbidden, type PayloadRequest } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { operatesGroup } from '../access'
import { idOf } from '../../shared/lib/ids'
import { buildBoard, loadCohortForRoster } from './board'
import { httpError } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'

const PUBLIC_MEMBER = { displayName: true, handle: true, blogUrl: true, github: true, bio: true } as const

/** A cohort's roster as anyone may see it: names, handles, blogs, roles. No contact details. */
export async function publicRoster(req: PayloadRequest, cohortId: Id) {
  const { cohort, group } = await loadCohortForRoster(req, cohortId, { requireOperator: false })
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const memberships = await req.payload.find({
    collection: 'memberships',
    where: { and: [{ cohort: { equals: cohort.id } }, { status: { in: ['active', 'on-leave', 'completed'] } }] },
    ...common,
  })
  const ids = memberships.docs.map((membership) => idOf(membership.member)!)
  const members = ids.length
    ? await req.payload.find({ collection: 'members', where: { id: { in: ids } }, select: PUBLIC_MEMBER, ...common })
    : { docs: [] }
  const byId = new Map(members.docs.map((member) => [String(member.id), member]))
  return {
    cohort: {
      id: cohort.id,
      label: cohort.label,
      status: cohort.status,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
    },
    group: { id: group.id, name: group.name, slug: group.slug },
    members: memberships.docs
      .map((membership) => {
        const member = byId.get(String(idOf(membership.member)))
        return {
          id: member?.id ?? idOf(membership.member),
          displayName: member?.displayName ?? '',
          handle: member?.handle ?? null,
          blogUrl: member?.blogUrl ?? null,
          github: member?.github ?? null,
          bio: member?.bio ?? null,
          role: membership.role,
          status: membership.status,
        }
      })
      .sort((a, b) => String(a.displayName).localeCompare(String(b.displayName), 'ko')),
  }
}

/**
 * One week's submissions of a cohort, for a "this week's posts" page: the given week, or the
 * latest session whose deadline has passed (the first session before any has).
 */
export async function weeklySubmissions(req: PayloadRequest, cohortId: Id, week?: number, now = new Date()) {
  const { cohort } = await loadCohortForRoster(req, cohortId, { requireOperator: false })
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const sessions = await req.payload.find({
    collection: 'study-sessions',
    where: { cohort: { equals: cohort.id } },
    sort: 'number',
    select: { number: true, date: true, deadline: true, topic: true },
    ...common,
  })
  if (!sessions.docs.length) throw httpError('This cohort has no sessions yet.', 404)
  const session =
    week !== undefined
      ? sessions.docs.find((candidate) => candidate.number === week)
      : ([...sessions.docs]
          .reverse()
          .find((candidate) => candidate.deadline && new Date(String(candidate.deadline)) <= now) ?? sessions.docs[0])
  if (!session) throw httpError(`week: this cohort has no week ${week}.`, 404)
  const submissions = await req.payload.find({
    collection: 'submissions',
    where: { session: { equals: session.id } },
    sort: 'submittedAt',
    select: { membership: true, url: true, title: true, post: true, submittedAt: true },
    ...common,
  })
  const membershipIds = submissions.docs.map((submission) => idOf(submission.membership)!)
  const memberships = membershipIds.length
    ? await req.payload.find({
        collection: 'memberships',
        where: { id: { in: membershipIds } },
        select: { member: true },
        ...common,
      })
    : { docs: [] }
  const memberOf = new Map(memberships.docs.map((membership) => [String(membership.id), idOf(membership.member)]))
  const memberIds = [...new Set(memberships.docs.map((membership) => idOf(membership.member)!))]
  const members = memberIds.length
    ? await req.payload.find({
        collection: 'members',
        where: { id: { in: memberIds } },
        select: PUBLIC_MEMBER,
        ...common,
      })
    : { docs: [] }
  const byId = new Map(members.docs.map((member) => [String(member.id), member]))
  return {
    cohort: { id: cohort.id, label: cohort.label },
    session: {
      id: session.id,
      number: session.number,
      date: session.date,
      deadline: session.deadline ?? null,
      topic: session.topic ?? null,
    },
    submissions: submissions.docs.map((submission) => {
      const member = byId.get(String(memberOf.get(String(idOf(submission.membership)))))
      return {
        id: submission.id,
        title: submission.title ?? null,
        url: submission.url ?? null,
        post: idOf(submission.post),
        submittedAt: submission.submittedAt,
        member: member
          ? {
              id: member.id,
              displayName: member.displayName,
              handle: member.handle ?? null,
              blogUrl: member.blogUrl ?? null,
            }
          : null,
      }
    }),
  }
}

/** One membership's statuses and totals: for the member themself, admins and the group's operators. */
export async function membershipStatus(req: PayloadRequest, membershipId: Id) {
  const membership = await req.payload.findByID({
    collection: 'memberships',
    id: membershipId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!membership) throw httpError(`No membership with id ${membershipId}.`, 404)
  const member = await req.payload.findByID({
    collection: 'members',
    id: idOf(membership.member)!,
    depth: 0,
    overrideAccess: true,
    select: { user: true },
    req,
  })
  const isSelf = req.user && String(idOf(member.user)) === String(req.user.id)
  if (!isSelf && !hasRole(req.user, 'admin') && !(await operatesGroup(req, membership.group)))
    throw new Forbidden(req.t)
  const board = await buildBoard(req, idOf(membership.cohort)!, { requireOperator: false, membershipId: membership.id })
  return { cohort: board.cohort, rules: board.rules, sessions: board.sessions, row: board.rows[0] ?? null }
}

/** A group's page: the group's public fields, its sub-studies and its cohorts. */
export async function groupPage(req: PayloadRequest, slug: string) {
  const found = await req.payload.find({
    collection: 'study-groups',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const group = found.docs[0]
  if (!group) throw httpError(`No study group with the slug "${slug}".`, 404)
  const common = { depth: 0, pagination: false, overrideAccess: false, user: req.user, req } as const
  const [subStudies, cohorts] = await Promise.all([
    req.payload.find({
      collection: 'study-groups',
      where: { parent: { equals: group.id } },
      sort: 'name',
      select: { name: true, slug: true, kind: true, status: true, description: true },
      ...common,
    }),
    req.payload.find({
      collection: 'cohorts',
      where: { group: { equals: group.id } },
      sort: '-startDate',
      select: { label: true, number: true, status: true, startDate: true, endDate: true },
      ...common,
    }),
  ])
  const operators = (Array.isArray(group.operators) ? group.operators : []).map((operator: unknown) =>
    typeof operator === 'object' && operator !== null
      ? { id: idOf(operator), name: (operator as { name?: string | null }).name ?? null }
      : { id: idOf(operator), name: null },
  )
  return { group: { ...group, operators }, subStudies: subStudies.docs, cohorts: cohorts.docs }
}
