import type { PayloadRequest } from 'payload'

import type { Id } from '../../shared/documents'
import { httpError } from '../../shared/endpoints'
import { idOf } from '../../shared/lib/ids'
import { buildBoard } from '../roster/board'
import { createDigest, digestEntries, weekOf, type GroupRow, type SessionRow } from './plan'
import { digestTitle } from './messages'

/** A session's week for its group's operators (and admins): `buildBoard` checks who asks. */
async function loadWeek(req: PayloadRequest, sessionId: Id) {
  if (!req.user) throw httpError('Sign in as an operator of the group.', 401)
  const session = await req.payload.db.findOne<SessionRow & { cohort: Id }>({
    collection: 'study-sessions',
    where: { id: { equals: sessionId } },
    req,
  })
  if (!session) throw httpError(`No session with id ${sessionId}.`, 404)
  if (!session.deadline) throw httpError('session: this session has nothing to submit, so no digest.')
  const board = await buildBoard(req, idOf(session.cohort)!)
  const group = await req.payload.db.findOne<GroupRow>({
    collection: 'study-groups',
    where: { id: { equals: board.cohort.group.id } },
    req,
  })
  return weekOf(group!, board.cohort.label, session, board)
}

async function existingDigest(req: PayloadRequest, sessionId: Id) {
  const notice = await req.payload.db.findOne<{ id: Id; post?: Id | null }>({
    collection: 'study-notices',
    where: { key: { equals: `digest:${sessionId}` } },
    req,
  })
  const postId = idOf(notice?.post)
  if (postId === null) return null
  const post = await req.payload.db.findOne<{ id: Id; title: string; _status?: string }>({
    collection: 'posts',
    where: { id: { equals: postId } },
    req,
  })
  return post ? { id: post.id, title: post.title, status: post._status ?? 'draft' } : null
}

/** The week's digest as it would be written (title and entries) and the draft, once it exists. */
export async function sessionDigest(req: PayloadRequest, sessionId: Id) {
  const week = await loadWeek(req, sessionId)
  return {
    session: { id: week.session.id, number: week.session.number, deadline: week.context.deadline.toISOString() },
    title: digestTitle(week.context),
    entries: digestEntries(week),
    post: await existingDigest(req, sessionId),
  }
}

/** Writes the week's digest draft now (before the job would), or answers the one written already. */
export async function createSessionDigest(req: PayloadRequest, sessionId: Id) {
  const week = await loadWeek(req, sessionId)
  if (!digestEntries(week).length) throw httpError('session: nobody has submitted for this week yet.', 409)
  const created = await createDigest(req, week)
  return { created: created !== null, post: await existingDigest(req, sessionId) }
}
