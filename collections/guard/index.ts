import type { CollectionConfig, Endpoint, PayloadHandler } from 'payload'

import { appendHooks } from '../shared/collections'
import { withExistingReferences } from '../shared/fields/relationships'
import { httpError } from '../shared/endpoints'
import type { DevlogFeature } from '../shared/feature'
import { answerUnreadableRequests } from './errors'
import { graphQLBudgetRules } from './graphqlBudget'
import { parseRequestedId } from './ids'
import { refuseUnreadableQueries } from './queries'
import { refuseMalformedQueries } from './queryValues'
import { refuseDeletingReferenced } from './references'
import { refuseMalformedData } from './shapes'
import { validateStatus } from './status'

/**
 * Payload routes `/versions` of every collection to its versions table, which collections without
 * versions lack (a database error, a 500): they answer 404 instead.
 */
const withoutVersionRoutes = (collection: CollectionConfig): CollectionConfig => {
  if (collection.versions) return collection
  const handler: PayloadHandler = () => {
    throw httpError(`${collection.slug} keep no versions.`, 404)
  }
  const routes: Endpoint[] = ['/versions', '/versions/:id'].flatMap((path) =>
    (['get', 'post'] as const).map((method) => ({ path, method, handler })),
  )
  return { ...collection, endpoints: [...routes, ...(collection.endpoints || [])] }
}

/**
 * Payload routes `/verify/:token` of every auth collection to a lookup of a field that only
 * collections verifying email have (a 500 elsewhere): those without answer 404.
 */
const withoutVerifyRoute = (collection: CollectionConfig): CollectionConfig => {
  const auth = collection.auth
  if (!auth || (typeof auth === 'object' && auth.verify)) return collection
  const handler: PayloadHandler = () => {
    throw httpError(`${collection.slug} are not verified by email.`, 404)
  }
  return {
    ...collection,
    endpoints: [{ path: '/verify/:token', method: 'post', handler }, ...(collection.endpoints || [])],
  }
}

/**
 * Requests refused for what they asked, logged at `info` as one line without a stack (Payload logs
 * an error it has no level for at `error`, stack and all): `error` stays for the server's own
 * faults. Payload already does this for Forbidden, NotFound, ValidationError, Locked and
 * MissingFile; a host's own `loggingLevels` win.
 */
const REFUSALS_LOGGED_AT_INFO = {
  RequestRefused: 'info',
  AuthenticationError: 'info',
  LockedAuth: 'info',
  UnauthorizedError: 'info',
  UnverifiedEmail: 'info',
  QueryError: 'info',
  FileUploadError: 'info',
} as const

const hasDrafts = (collection: CollectionConfig) =>
  typeof collection.versions === 'object' && Boolean(collection.versions.drafts)

/**
 * The checks every Devlog collection gets at its trust boundary, whatever the API: ids parsed
 * strictly, well-formed queries (whole-number paging, real operators, operands their field can
 * compare) and no filtering or sorting on unreadable fields, documents of the right shape,
 * `_status` only draft or published, related ids that name documents, a 409 instead of a broken delete while other documents
 * still require the document, and GraphQL operations within their budget (`GRAPHQL_BUDGET`).
 */
export const guardFeature = (): DevlogFeature => ({
  afterError: answerUnreadableRequests,
  plugin: (config) => ({
    ...config,
    loggingLevels: { ...REFUSALS_LOGGED_AT_INFO, ...config.loggingLevels },
    graphQL: {
      ...config.graphQL,
      validationRules: (args) => [
        ...(config.graphQL?.validationRules?.(args) ?? []),
        graphQLBudgetRules(args.variableValues),
      ],
    },
  }),
  extendCollection: (collection) =>
    appendHooks(
      withoutVerifyRoute(withoutVersionRoutes({ ...collection, fields: withExistingReferences(collection.fields) })),
      {
        beforeOperation: [parseRequestedId, refuseMalformedQueries, refuseUnreadableQueries, refuseMalformedData],
        beforeDelete: [refuseDeletingReferenced],
        ...(hasDrafts(collection) ? { beforeValidate: [validateStatus] } : {}),
      },
    ),
})
