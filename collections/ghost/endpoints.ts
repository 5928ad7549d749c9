import { createHash } from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'

import type { ClientAddress } from '../core/throttle'
import { param } from '../shared/endpoints'
import { CORS_HEADERS, GhostError, ghostErrorResponse } from './errors'
import { contentKeyCheck } from './keys'
import { answer, type Resource } from './resources'

/** Where the routes live under the API route; Devlog's server also answers them at `/ghost/api/content/`. */
export const GHOST_CONTENT_PATH = '/ghost/content'

type Route = { resource: Resource | 'settings'; by?: 'id' | 'slug' }

const ROUTES: [string, Route][] = [
  ...(['posts', 'pages', 'tags', 'authors'] as const).flatMap((resource): [string, Route][] => [
    [`/${resource}`, { resource }],
    // Before `/:id`, so `slug/…` is not taken for an id.
    [`/${resource}/slug/:value`, { resource, by: 'slug' }],
    [`/${resource}/:value`, { resource, by: 'id' }],
  ]),
  ['/settings', { resource: 'settings' }],
]

/**
 * Ghost's Content API, read-only: every route with and without its trailing slash (Ghost's
 * client adds one), answered with Ghost's envelopes and errors, CORS open to any origin, an ETag
 * (`If-None-Match` answers 304) and Ghost's `Cache-Control`.
 */
export function ghostContentEndpoints(clientAddress?: ClientAddress): Endpoint[] {
  const checkKey = contentKeyCheck(clientAddress)
  const handler = (route: Route) => async (req: PayloadRequest) => {
    try {
      await checkKey(req)
      const body = JSON.stringify(await answer(req, { ...route, value: param(req, 'value') }))
      const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`
      const headers = { ...CORS_HEADERS, 'Cache-Control': 'public, max-age=0', ETag: etag }
      if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
      return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
    } catch (error) {
      if (error instanceof GhostError) return ghostErrorResponse(error)
      throw error
    }
  }
  return ROUTES.flatMap(([path, route]) =>
    [path, `${path}/`].map((each): Endpoint => ({
      path: `${GHOST_CONTENT_PATH}${each}`,
      method: 'get',
      handler: handler(route),
    })),
  )
}
