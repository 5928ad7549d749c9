import { Forbidden, type PayloadRequest } from 'payload'

import { idOf } from '../../shared/lib/ids'
import { httpError, parseId } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'
import { inTransaction } from '../../shared/transactions'

export type SubmitInput = { session?: unknown; membership?: unknown; url?: unknown; post?: unknown; title?: unknown }

/**
 * Submits (or resubmits) a week's work. A member's own membership is found from their sign-in
 * and the session's cohort; operators name the membership. One submission per membership and
 * session: a second one updates the first, also when both arrive at the same moment. The lookup
 * and the write are one transaction, so on SQLite they cannot interleave with another submission.
 */
export function submitWork(req: PayloadRequest, input: SubmitInput) {
  const { user } = req
  if (!user) throw new Forbidden(req.t)
  return inTransaction(req, () => upsertSubmission(req, user, input))
}

async function upsertSubmission(req: PayloadRequest, user: NonNullable<PayloadRequest['user']>, input: SubmitInput) {
  if (input.session === undefined || input.session === null || input.session === '')
    throw httpError('session: the session id is required.')
  const sessionId = parseId(req, input.session, 'session')
  const session = await req.payload.findByID({
    collection: 'study-sessions',
    id: sessionId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { cohort: true },
    req,
  })
  if (!session) throw httpError(`session: no session with id ${sessionId}.`)

  let membershipId =
    input.membership === undefined || input.membership === null ? null : parseId(req, input.membership, 'membership')
  if (membershipId === null) {
    const member = await req.payload.find({
      collection: 'members',
      where: { user: { equals: user.id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (!member.docs[0]) throw httpError('membership: your account is not linked to a member; name the membership.')
    const membership = await req.payload.find({
      collection: 'memberships',
      where: { and: [{ member: { equals: member.docs[0].id } }, { cohort: { equals: idOf(session.cohort) } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (!membership.docs[0]) throw httpError('membership: you are not in this session’s cohort.')
    membershipId = membership.docs[0].id
  }

  // `as never` below: the ids are whichever kind the host's database uses, which a host's
  // generated types narrow to one.
  const data = {
    membership: membershipId,
    session: sessionId,
    ...(typeof input.url === 'string' ? { url: input.url } : {}),
    ...(input.post !== undefined ? { post: input.post === null ? null : parseId(req, input.post, 'post') } : {}),
    ...(typeof input.title === 'string' ? { title: input.title } : {}),
  }
  const existing = async () =>
    (
      await req.payload.find({
        collection: 'submissions',
        where: { and: [{ membership: { equals: membershipId } }, { session: { equals: sessionId } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]
  const update = (id: Id) =>
    req.payload
      .update({ collection: 'submissions', id, data: data as never, overrideAccess: false, user, req })
      .then((doc) => ({ created: false, doc }))

  const found = await existing()
  if (found) return update(found.id)
  try {
    const doc = await req.payload.create({
      collection: 'submissions',
      data: data as never,
      overrideAccess: false,
      user,
      req,
    })
    return { created: true, doc }
  } catch (error) {
    // The same member on another device created it in between, and the unique index refused this
    // one (Payload reports that as a validation error): update theirs instead.
    const raced = await existing()
    if (!raced) throw error
    return update(raced.id)
  }
}
