import { createHash } from 'node:crypto'
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql'

import { processWide } from '../core/throttle'

type Handler = (request: Request) => Promise<Response>
type PersistedQuery = { version?: unknown; sha256Hash?: unknown }
type GraphQLBody = {
  query?: unknown
  variables?: unknown
  operationName?: unknown
  extensions?: { persistedQuery?: PersistedQuery } & Record<string, unknown>
}

/**
 * Queries the server has learned by hash; each instance learns its own (a client resends on a
 * miss). Only a query that ran without errors is learned, and the whole store keeps to a byte
 * budget, the least recently learned leaving first: anyone may send queries with their hash.
 */
const PERSISTED_BYTES = 4 * 1024 * 1024
const MAX_QUERY_LENGTH = 20_000

/** The learned queries by hash, and the characters they hold together. */
type PersistedStore = { queries: Map<string, string>; size: number }

function learn(store: PersistedStore, hash: string, query: string) {
  if (store.queries.has(hash) || query.length > MAX_QUERY_LENGTH) return
  store.queries.set(hash, query)
  store.size += query.length
  for (const [oldest, text] of store.queries) {
    if (store.size <= PERSISTED_BYTES) break
    store.queries.delete(oldest)
    store.size -= text.length
  }
}

const persistedStore = () =>
  processWide<PersistedStore>('payload-devlog.persistedQueries', () => ({ queries: new Map(), size: 0 }))

const graphQLError = (status: number, message: string, code?: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message, ...(code ? { extensions: { code } } : {}) }] }, { status, headers })

/**
 * Apollo's automatic persisted queries (`extensions.persistedQuery.sha256Hash`, what Apollo Client
 * and urql send): a known hash stands for its query; a query sent with its hash is checked and
 * learned. An unknown hash answers `PersistedQueryNotFound` (400, so nothing caches it) and the
 * client sends the query along.
 */
function withPersistedQuery(body: GraphQLBody): GraphQLBody | Response {
  const persisted = body.extensions?.persistedQuery
  if (!persisted) return body
  if (
    persisted.version !== 1 ||
    typeof persisted.sha256Hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(persisted.sha256Hash)
  )
    return graphQLError(
      400,
      'Unsupported persisted query: version 1 with a sha256Hash of 64 hex characters.',
      'PERSISTED_QUERY_NOT_SUPPORTED',
    )
  const hash = persisted.sha256Hash
  if (typeof body.query === 'string') {
    if (createHash('sha256').update(body.query).digest('hex') !== hash)
      return graphQLError(400, 'provided sha does not match query', 'BAD_USER_INPUT')
    return body
  }
  const query = persistedStore().queries.get(hash)
  return query ? { ...body, query } : graphQLError(400, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')
}

/**
 * Runs a request through Payload's handler; a query sent with its hash is learned once it has
 * parsed, validated and run without errors.
 */
async function runLearning(post: Handler, request: Request, body: GraphQLBody): Promise<Response> {
  const response = await post(request)
  const hash = body.extensions?.persistedQuery?.sha256Hash
  if (typeof hash !== 'string' || typeof body.query !== 'string' || response.status !== 200) return response
  const answer = (await response
    .clone()
    .json()
    .catch(() => null)) as { errors?: unknown[] } | null
  if (answer && !answer.errors?.length) learn(persistedStore(), hash, body.query)
  return response
}

/** The operation a request runs: the named one, else the only one. */
function operationOf(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )
  return typeof name === 'string' && name
    ? operations.find((operation) => operation.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined
}

/** A JSON query parameter (`variables`, `extensions`), or a 400 naming it. */
function jsonParameter(search: URLSearchParams, name: string): unknown | Response {
  const raw = search.get(name)
  if (raw === null || raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return graphQLError(400, `${name}: not JSON.`)
  }
}

const forward = (request: Request, body: GraphQLBody) => {
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return new Request(new URL(request.url).origin + new URL(request.url).pathname, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
}

/**
 * GraphQL over GET and automatic persisted queries around Payload's POST handler
 * (`GRAPHQL_POST(config)`): `GET /api/graphql?query=…&variables=…` (or only
 * `extensions={"persistedQuery":…}`) runs a query, never a mutation (405), so anonymous repeated
 * queries are plain GETs the response cache and CDNs keep, with the same invalidation as REST.
 */
export function graphQLOverGet(post: Handler): { GET: Handler; POST: Handler } {
  return {
    POST: async (request) => {
      if (!(request.headers.get('content-type') ?? '').includes('application/json')) return post(request)
      let body: GraphQLBody
      try {
        body = (await request.clone().json()) as GraphQLBody
      } catch {
        return post(request)
      }
      if (!body?.extensions?.persistedQuery) return post(request)
      const resolved = withPersistedQuery(body)
      return resolved instanceof Response ? resolved : runLearning(post, forward(request, resolved), resolved)
    },
    GET: async (request) => {
      const search = new URL(request.url).searchParams
      const variables = jsonParameter(search, 'variables')
      const extensions = jsonParameter(search, 'extensions')
      if (variables instanceof Response) return variables
      if (extensions instanceof Response) return extensions
      const resolved = withPersistedQuery({
        query: search.get('query') ?? undefined,
        variables,
        operationName: search.get('operationName') ?? undefined,
        extensions: extensions as GraphQLBody['extensions'],
      })
      if (resolved instanceof Response) return resolved
      if (typeof resolved.query !== 'string' || !resolved.query.trim())
        return graphQLError(400, 'query: a GraphQL query is required.')
      let document: DocumentNode
      try {
        document = parse(resolved.query)
      } catch (error) {
        return graphQLError(400, error instanceof Error ? error.message : String(error))
      }
      const operation = operationOf(document, resolved.operationName)
      if (!operation) return graphQLError(400, 'operationName: name the operation to run.')
      if (operation.operation !== 'query')
        return graphQLError(405, `A ${operation.operation} must be sent with POST.`, undefined, { Allow: 'POST' })
      return runLearning(post, forward(request, resolved), resolved)
    },
  }
}
