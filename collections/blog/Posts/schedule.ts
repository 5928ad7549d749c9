import { type PayloadRequest } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { httpError } from '../../shared/endpoints'

export type ScheduleType = 'publish' | 'unpublish'

/**
 * Queues Payload's own `schedulePublish` job, exactly as the admin's "Schedule publish" drawer
 * does; the server's job runner carries it out when it is due.
 */
export async function schedulePost(req: PayloadRequest, id: number | string, at: unknown, type: unknown = 'publish') {
  if (!hasRole(req.user, 'admin', 'editor')) throw httpError('Only editors and admins may schedule posts.', 403)
  if (type !== 'publish' && type !== 'unpublish') throw httpError('type must be "publish" or "unpublish".')
  const when = typeof at === 'string' ? new Date(at) : null
  if (!when || Number.isNaN(when.getTime())) {
    throw httpError('at: an ISO 8601 date-time such as 2026-12-01T09:00:00+09:00 is required.')
  }
  if (when.getTime() <= Date.now()) throw httpError('at: the time must be in the future.')
  const post = await req.payload.findByID({
    collection: 'posts',
    id,
    depth: 0,
    draft: true,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const job = await req.payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: when,
    input: {
      type,
      doc: { relationTo: 'posts', value: post.id },
      user: { relationTo: req.user!.collection as 'users', value: req.user!.id as number },
    },
    req,
  })
  return { jobId: job.id, postId: post.id, type, at: when.toISOString() }
}
