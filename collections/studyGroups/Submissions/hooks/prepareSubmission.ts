import { Forbidden, ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { hasRole } from '../../../shared/access/roles'
import { assertOperatesGroup } from '../../access'
import { idOf } from '../../../shared/lib/ids'
import { httpError } from '../../../shared/endpoints'
import type { Id } from '../../../shared/documents'
import type { Submission } from '../../types'

/** `req.context` flag of the feed poller's own writes. */
export const FROM_FEED = 'devlogFromFeed'

/** The member rows a submission hangs on, loaded once per save. */
async function loadContext(req: PayloadRequest, membershipId: Id, sessionId: Id) {
  const [membership, session] = await Promise.all([
    req.payload.findByID({
      collection: 'memberships',
      id: membershipId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
    req.payload.findByID({
      collection: 'study-sessions',
      id: sessionId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
  ])
  if (!membership) throw httpError(`membership: no membership with id ${membershipId}.`)
  if (!session) throw httpError(`session: no session with id ${sessionId}.`)
  const [member, cohort] = await Promise.all([
    req.payload.findByID({
      collection: 'members',
      id: idOf(membership.member)!,
      depth: 0,
      overrideAccess: true,
      select: { user: true },
      req,
    }),
    req.payload.findByID({
      collection: 'cohorts',
      id: idOf(session.cohort)!,
      depth: 0,
      overrideAccess: true,
      select: { endDate: true },
      req,
    }),
  ])
  return {
    membership,
    session,
    memberUser: idOf(member.user),
    cohortEnd: typeof cohort.endDate === 'string' ? cohort.endDate : null,
  }
}

/** Members submit until the end of the cohort's last day. */
export function cohortOpen(cohortEnd: string | null | undefined, now = new Date()): boolean {
  if (!cohortEnd) return true
  return now.getTime() < new Date(cohortEnd).getTime() + 24 * 60 * 60 * 1000
}

/**
 * Ties a submission to its group and member, checks that membership and session belong to the
 * same cohort, and decides who may write it: admins, the group's operators, or the member
 * themself while the cohort runs (their submission time is the server's, not theirs to set).
 */
export const prepareSubmission: CollectionBeforeChangeHook<Submission> = async ({
  data,
  originalDoc,
  req,
  operation,
  collection,
}) => {
  const membershipId = idOf(data.membership ?? originalDoc?.membership)
  const sessionId = idOf(data.session ?? originalDoc?.session)
  if (membershipId === null || sessionId === null) return data
  const { membership, session, memberUser, cohortEnd } = await loadContext(req, membershipId, sessionId)

  if (String(idOf(membership.cohort)) !== String(idOf(session.cohort))) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'session', message: 'The session belongs to another cohort than the membership.' }],
    })
  }
  if (!data.url && !data.post && !originalDoc?.url && !originalDoc?.post) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'url', message: 'A submission needs a link (url) or a post.' }],
    })
  }

  // A person who gives another link or post has submitted it themself: a feed's submission
  // becomes theirs, and one an operator rejected counts again, from now.
  const resubmitted =
    operation === 'update' &&
    ((data.url !== undefined && data.url !== originalDoc?.url) ||
      (data.post !== undefined && String(idOf(data.post)) !== String(idOf(originalDoc?.post))))
  const byPerson = resubmitted && req.context[FROM_FEED] !== true
  const result = {
    ...data,
    group: idOf(session.group),
    memberUser,
    ...(byPerson ? { source: 'manual' as const, review: null } : {}),
  }
  if (!req.user || hasRole(req.user, 'admin')) return result
  if (hasRole(req.user, 'operator')) {
    try {
      await assertOperatesGroup(req, session.group)
      return result
    } catch {
      // Not this group's operator: may still be submitting as a member below.
    }
  }
  if (memberUser === null || String(memberUser) !== String(req.user.id)) throw new Forbidden(req.t)
  if (!cohortOpen(cohortEnd)) throw httpError('The cohort has ended: submissions are closed.', 403)
  return {
    ...result,
    submittedAt:
      operation === 'create' || (byPerson && originalDoc?.review === 'rejected')
        ? new Date().toISOString()
        : (originalDoc?.submittedAt ?? new Date().toISOString()),
  }
}
