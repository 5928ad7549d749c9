import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CollectionConfig, Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
import { httpError } from '../shared/endpoints'
import type { ResolverContext } from '../shared/graphql'
import { documentUrl } from './urls'

const PREVIEW_COLLECTIONS = ['posts', 'retrospectives'] as const
type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]
type PreviewTarget = { collection: PreviewCollection; id: string }

/** How long a preview link works: long enough to share with a reviewer, short enough to go stale. */
export const PREVIEW_LIFETIME_SECONDS = 24 * 60 * 60

const signature = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`devlog-preview:${body}`).digest('base64url')

/** A token that opens the latest draft of one document until it expires, signed with Payload's secret. */
export function createPreviewToken(
  secret: string,
  target: { collection: PreviewCollection; id: number | string },
  now = Date.now(),
): string {
  const body = `${target.collection}:${target.id}:${Math.floor(now / 1000) + PREVIEW_LIFETIME_SECONDS}`
  return Buffer.from(`${body}:${signature(secret, body)}`).toString('base64url')
}

/** The document a preview token opens, or null when it is malformed, forged or expired. */
export function readPreviewToken(secret: string, token: string, now = Date.now()): PreviewTarget | null {
  const parts = Buffer.from(token, 'base64url').toString('utf8').split(':')
  if (parts.length !== 4) return null
  const [collection, id, expires, given] = parts
  const expected = Buffer.from(signature(secret, `${collection}:${id}:${expires}`))
  const received = Buffer.from(given)
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return null
  if (!(PREVIEW_COLLECTIONS as readonly string[]).includes(collection)) return null
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now) return null
  return { collection: collection as PreviewCollection, id }
}

/**
 * The latest draft a token opens. Depth 0: related documents stay ids, since the token holder is
 * not signed in and populated accounts would otherwise be read past their field access.
 */
export async function previewDocument(req: PayloadRequest, token: unknown) {
  if (typeof token !== 'string' || token === '') throw httpError('token: the preview token is required.')
  const target = readPreviewToken(req.payload.secret, token)
  if (!target) throw httpError('token: the preview token is invalid or has expired.', 403)
  const doc = await req.payload.findByID({
    collection: target.collection,
    id: target.id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!doc) throw httpError('No document for this preview token.', 404)
  return { collection: target.collection, doc }
}

/** Where the front end shows a document's draft: its page with `?preview=<token>`. */
function previewUrl(
  site: SanitizedDevlogOptions['site'],
  collection: PreviewCollection,
  doc: { id?: number | string; slug?: unknown },
  req: PayloadRequest,
): string {
  const page = documentUrl(site, collection, typeof doc.slug === 'string' && doc.slug ? doc.slug : String(doc.id ?? ''))
  if (doc.id === undefined || doc.id === null) return page
  const token = createPreviewToken(req.payload.secret, { collection, id: doc.id })
  return `${page}${page.includes('?') ? '&' : '?'}preview=${token}`
}

const previewEndpoint: Endpoint = {
  path: '/preview',
  method: 'get',
  handler: async (req) =>
    Response.json(await previewDocument(req, req.searchParams.get('token')), {
      headers: { 'Cache-Control': 'private, no-store' },
    }),
}

const previewQueries: GraphQLExtension = (GraphQL, { collections }) => ({
  PreviewDocument: {
    type: new GraphQL.GraphQLObjectType({
      name: 'PreviewDocument',
      fields: {
        collection: { type: GraphQL.GraphQLString },
        post: { type: collections.posts.graphQL!.type },
        ...(collections.retrospectives ? { retrospective: { type: collections.retrospectives.graphQL!.type } } : {}),
      },
    }),
    args: { token: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
    resolve: async (_: unknown, args: { token: string }, { req }: ResolverContext) => {
      const { collection, doc } = await previewDocument(req, args.token)
      return { collection, [collection === 'posts' ? 'post' : 'retrospective']: doc }
    },
  },
})

/**
 * Previews for a headless front end: the admin's "Preview" button and live preview open the
 * document's page on the front end (`site.documentURLTemplate`) with a signed token, and the front
 * end reads the draft with it (`GET /api/preview?token=…` or GraphQL `PreviewDocument`), without
 * an account. Only that document's latest draft opens, for a day.
 */
export const previewFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const collections = PREVIEW_COLLECTIONS.filter((slug) => slug !== 'retrospectives' || options.features.retrospectives)
  const withPreview = (collection: CollectionConfig, slug: PreviewCollection): CollectionConfig => ({
    ...collection,
    admin: {
      ...collection.admin,
      preview: (doc, { req }) => previewUrl(options.site, slug, doc, req),
      livePreview: { url: ({ data, req }) => previewUrl(options.site, slug, data, req) },
    },
  })
  return {
    endpoints: [previewEndpoint],
    queries: previewQueries,
    extendCollection: (collection) =>
      (collections as readonly string[]).includes(collection.slug)
        ? withPreview(collection, collection.slug as PreviewCollection)
        : collection,
  }
}
