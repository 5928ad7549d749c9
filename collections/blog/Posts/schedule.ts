import { APIError, type PayloadRequest } from 'payload'

import { hasRole } from '../../shared/access/roles.js'

export type ScheduleType = 'publish' | 'unpublish'

/**
 * Queues Payload's own `schedulePublish` job, exactly as the admin's "Schedule publish" drawer
 * does; the server's job runner carries it out when it is due.
 */
export async function schedulePost(req: PayloadRequest, id: number | string, at: unknown, type: unknown = 'publish') {
  if (!hasRole(req.user, 'admin', 'editor'))
    throw new APIError('Only editors and admins may schedule posts.', 403, undefined, true)
  if (type !== 'publish' && type !== 'unpublish')
    throw new APIError('type must be "publish" or "unpublish".', 400, undefined, true)
  const when = typeof at === 'string' ? new Date(at) : null
  if (!when || Number.isNaN(when.getTime())) {
    throw new APIError('at: an ISO 8601 date-time such as 2026-12-01T09:00:00+09:00 is required.', 400, undefined, true)
  }
  if (when.getTime() <= Date.now()) throw new APIError('at: the time must be in the future.', 400, undefined, true)
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
