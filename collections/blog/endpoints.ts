import type { Endpoint } from 'payload'

import { hasRole } from '../shared/access/roles'
import { body, type EndpointQuery, httpError, idParam, oneOf, param, parseId, wholeNumber } from '../shared/endpoints'
import { findPostBySlug, POST_BODIES } from './Posts/findBySlug'
import { findRelatedPosts, MAX_RELATED } from './Posts/relatedPosts'
import { schedulePost } from './Posts/schedule'
import { mergeTag } from './Tags/mergeTag'

export const postEndpoints: Endpoint[] = [
  {
    path: '/slug/:slug',
    method: 'get',
    custom: {
      query: {
        body: {
          description: 'Which forms of the body: both (default), html (contentHtml) or lexical (content)',
          enum: POST_BODIES,
        },
        draft: { description: 'true: the latest draft, for editors', enum: ['true', 'false'] },
      } satisfies EndpointQuery,
    },
    handler: async (req) => {
      const slug = param(req, 'slug')
      const found = await findPostBySlug(req.payload, req, slug, {
        draft: req.searchParams.get('draft') === 'true',
        body: oneOf(req.searchParams.get('body'), 'body', POST_BODIES, 'both'),
      })
      if (!found) throw httpError(`No post with the slug "${slug}".`, 404)
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
      const limit = wholeNumber(req.searchParams.get('limit'), 'limit', { min: 1, max: MAX_RELATED, fallback: 5 })
      return Response.json({ docs: await findRelatedPosts(req.payload, req, idParam(req), limit) })
    },
  },
  {
    path: '/:id/schedule',
    method: 'post',
    handler: async (req) => {
      const { at, type } = await body<{ at: unknown; type: unknown }>(req)
      return Response.json(await schedulePost(req, idParam(req), at, type ?? 'publish'), { status: 202 })
    },
  },
]

export const tagEndpoints: Endpoint[] = [
  {
    path: '/:id/merge',
    method: 'post',
    handler: async (req) => {
      if (!hasRole(req.user, 'admin', 'editor')) throw httpError('Only editors and admins may merge tags.', 403)
      const id = idParam(req)
      const { into } = await body<{ into: unknown }>(req)
      if (into === undefined || into === null || into === '') {
        throw httpError('into: the id of the tag to merge into is required.')
      }
      return Response.json(await mergeTag(req, id, parseId(req, into, 'into')))
    },
  },
]
