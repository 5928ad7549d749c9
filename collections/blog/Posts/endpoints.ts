import { addDataAndFileToRequest, APIError, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { findRelatedPosts } from './relatedPosts.js'
import { schedulePost } from './schedule.js'

export const MAX_RELATED = 20

export function parseLimit(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new APIError(`limit must be a whole number from 1 to ${max}.`, 400, undefined, true)
  }
  return value
}

/** A post by its current slug, or by a former one together with where it moved. */
export async function findPostBySlug(payload: Payload, req: PayloadRequest, slug: string, draft = false) {
  const options = { collection: 'posts' as const, limit: 1, overrideAccess: false, user: req.user, req, draft }
  const current = await payload.find({ ...options, where: { slug: { equals: slug } } })
  if (current.docs[0]) return { doc: current.docs[0], redirectedFrom: null }
  const former = await payload.find({ ...options, where: { previousSlugs: { equals: slug } } })
  if (former.docs[0]) return { doc: former.docs[0], redirectedFrom: slug }
  return null
}

export const postEndpoints: Endpoint[] = [
  {
    path: '/slug/:slug',
    method: 'get',
    handler: async (req) => {
      const slug = decodeURIComponent(String(req.routeParams?.slug ?? ''))
      const found = await findPostBySlug(req.payload, req, slug, req.searchParams.get('draft') === 'true')
      if (!found) return Response.json({ errors: [{ message: `No post with the slug "${slug}".` }] }, { status: 404 })
      if (found.redirectedFrom) {
        const location = `${req.payload.config.routes.api}/posts/slug/${encodeURIComponent(found.doc.slug!)}`
        return Response.json(
          { redirect: { from: slug, to: found.doc.slug }, doc: found.doc },
          { status: 301, headers: { Location: location } },
        )
      }
      return Response.json({ doc: found.doc })
    },
  },
  {
    path: '/:id/related',
    method: 'get',
    handler: async (req) => {
      const limit = parseLimit(req.searchParams.get('limit'), 5, MAX_RELATED)
      const docs = await findRelatedPosts(req.payload, req, String(req.routeParams?.id), limit)
      return Response.json({ docs })
    },
  },
  {
    path: '/:id/schedule',
    method: 'post',
    handler: async (req) => {
      await addDataAndFileToRequest(req)
      const body = (req.data ?? {}) as { at?: unknown; type?: unknown }
      const scheduled = await schedulePost(req, String(req.routeParams?.id), body.at, body.type ?? 'publish')
      return Response.json(scheduled, { status: 202 })
    },
  },
]
