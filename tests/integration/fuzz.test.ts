/**
 * Property-based fuzzing of the REST and GraphQL surface (issue #13): whatever a client sends,
 * the answer is never a 5xx, and the database still reads back whole afterwards.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import fc from 'fast-check'
import { getPayload, handleEndpoints, type Payload } from 'payload'
import { validOperators } from 'payload/shared'

import { DEVLOG_COLLECTIONS, guardGraphQLRequests } from '../../collections'
import { createUser, startTestPayload, type TestPayload, databaseKinds } from '../helpers/payload'
import { createPostingStudy } from '../helpers/studyGroups'

describe.each(databaseKinds())('on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let adminToken = ''
  let graphqlHandler: (request: Request) => Promise<Response>
  let cohortId: number | string
  const REST_COLLECTIONS: readonly string[] = DEVLOG_COLLECTIONS

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    const admin = await createUser(payload, ['admin'])
    adminToken = (
      await payload.login({ collection: 'users', data: { email: admin.email, password: 'test-password-1' } })
    ).token!
    cohortId = (await createPostingStudy(payload, { members: 2, weeks: 2 })).cohort.id
    const tag = await payload.create({ collection: 'tags', data: { name: 'Fuzzing' } })
    for (const title of ['First', 'Second'])
      await payload.create({ collection: 'posts', data: { title, tags: [tag.id], _status: 'published' } })
    await payload.create({
      collection: 'retrospectives',
      data: { period: { kind: 'year', year: 2025 }, _status: 'published' },
    })
    // As Devlog's server serves it (src/http/payloadApi.ts).
    graphqlHandler = guardGraphQLRequests(
      GRAPHQL_POST(Promise.resolve(payload.config)) as unknown as typeof graphqlHandler,
    )
  }, 60_000)

  afterAll(async () => {
    // The GraphQL route gets its Payload through `getPayload` (the default instance, with the jobs
    // cron running): close it too, or the worker never exits.
    await (await getPayload({ config: payload.config, cron: true })).destroy()
    // The route also keeps the schema it built from that config, once per process: the next
    // database's run (ids are numbers on SQLite, strings on MongoDB) needs its own.
    const schema = (globalThis as { _payload_graphql?: { graphql: unknown; promise: unknown } })._payload_graphql
    if (schema) Object.assign(schema, { graphql: null, promise: null })
    await context.close()
  })

  async function send(url: string, init: { method: string; body?: string; type?: string; admin: boolean }) {
    const headers: Record<string, string> = {}
    if (init.admin) headers.authorization = `JWT ${adminToken}`
    if (init.type) headers['content-type'] = init.type
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: context.key,
      request: new Request(`http://localhost:3000/api${url}`, {
        method: init.method,
        headers,
        body: init.method === 'GET' || init.method === 'DELETE' ? undefined : init.body,
      }),
    })
    return { status: response.status, text: await response.text() }
  }

  const FIELD_NAMES = [
    'id',
    'title',
    'slug',
    'name',
    'excerpt',
    'publishedAt',
    'createdAt',
    'tags',
    'tags.name',
    'series',
    'period',
    'period.kind',
    'period.year',
    'goals',
    'goals.status',
    'sections',
    'cohort',
    'group',
    'member',
    'email',
    'status',
    'startDate',
    'endDate',
    'deadline',
    'number',
    'sessions.id',
    '_status',
    'version.title',
    'meta.title',
    'doc.value',
  ]
  const OPERATORS = [...validOperators, 'bogus']
  const nastyText = fc.oneof(
    fc.constantFrom(
      '',
      'abc',
      '1',
      '2abc',
      '1e400',
      '-1',
      '1.5',
      'Infinity',
      'NaN',
      'null',
      'true',
      'me',
      'count',
      "1' OR '1'='1",
      '%E0%A4%A',
      '2026-13-45',
      'notadate',
      '\u0000',
      'x'.repeat(5000),
      '1,2,x',
      '[]',
      '{}',
    ),
    fc.string({ maxLength: 20 }),
    fc.integer().map(String),
  )
  const jsonish: fc.Arbitrary<unknown> = fc.oneof(
    nastyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(nastyText, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyText, { maxKeys: 3 }),
  )
  const query = fc
    .record(
      {
        limit: nastyText,
        page: nastyText,
        depth: nastyText,
        sort: fc.constantFrom(...FIELD_NAMES).map((name) => `-${name}`),
        where: fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...OPERATORS), nastyText),
      },
      { requiredKeys: [] },
    )
    .map((params) => {
      const parts: string[] = []
      for (const key of ['limit', 'page', 'depth', 'sort'] as const)
        if (params[key] !== undefined) parts.push(`${key}=${encodeURIComponent(params[key]!)}`)
      if (params.where) {
        const [field, operator, value] = params.where
        parts.push(`where[${field}][${operator}]=${encodeURIComponent(value)}`)
      }
      return parts.length ? `?${parts.join('&')}` : ''
    })
  const request = fc.record({
    collection: fc.constantFrom(...REST_COLLECTIONS),
    suffix: fc.oneof(
      fc.constant(''),
      nastyText.map((id) => `/${encodeURIComponent(id)}`),
      fc.constantFrom(
        '/1',
        '/2',
        '/versions',
        '/versions/1',
        '/count',
        '/1/board',
        '/1/status',
        '/submit',
        '/slug/x',
        '/1/roster.csv',
        '/1/import',
        '/timeline',
        '/%E0%A4%A',
        '/1/merge',
        '/1/related',
      ),
    ),
    query,
    method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
    body: fc.oneof(
      fc.constantFrom('null', '123', '"text"', '[]', '{', 'x'.repeat(100), '['.repeat(3000) + ']'.repeat(3000)),
      fc
        .dictionary(fc.constantFrom(...FIELD_NAMES.filter((name) => !name.includes('.'))), jsonish, { maxKeys: 4 })
        .map((data) => JSON.stringify(data)),
    ),
    type: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', undefined),
    admin: fc.boolean(),
  })

  describe('fuzzing', () => {
    it('never answers a REST request with a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(request, async ({ collection, suffix, query, method, body, type, admin }) => {
          const url = `/${collection}${suffix}${query}`
          const { status, text } = await send(url, { method, body, type, admin })
          if (status >= 500) throw new Error(`${method} ${url} ${body.slice(0, 80)} → ${status} ${text.slice(0, 200)}`)
        }),
        { numRuns: 1500, seed: 20261130 },
      )
    }, 300_000)

    it('never answers a GraphQL request with a 5xx', async () => {
      const graphQuery = fc.oneof(
        fc
          .tuple(
            fc.constantFrom('Posts', 'Tags', 'Retrospectives', 'Cohorts', 'Memberships', 'Users', 'versionsPosts'),
            fc.constantFrom('id', 'title', 'slug', 'email', 'createdAt', 'publishedAt'),
            fc.constantFrom('equals', 'in', 'like', 'greater_than', 'exists', 'near'),
            fc.oneof(
              nastyText.map((text) => JSON.stringify(text)),
              fc.integer().map(String),
              fc.constant('[1, "x"]'),
            ),
            nastyText.map((text) => JSON.stringify(text)),
          )
          .map(
            ([type, field, operator, value, limit]) =>
              `{ ${type}(where: { ${field}: { ${operator}: ${value} } }, limit: ${limit}) { docs { id } } }`,
          ),
        fc.constantFrom(
          'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
          '{ Post(id: "2abc") { id } }',
          '{ Post(id: 1e400) { id } }',
          '{ Posts { docs { id title } } }',
          'mutation { createPost(data: { title: "x", _status: pending }) { id } }',
          'mutation { deleteMember(id: 1) { id } }',
          '{',
          '',
        ),
        fc.string({ maxLength: 40 }),
      )
      await fc.assert(
        fc.asyncProperty(graphQuery, fc.boolean(), async (source, admin) => {
          const response = await graphqlHandler(
            new Request('http://localhost:3000/api/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(admin ? { authorization: `JWT ${adminToken}` } : {}) },
              body: JSON.stringify({ query: source }),
            }),
          )
          const text = await response.text()
          if (response.status >= 500 || text === '')
            throw new Error(`${source} → ${response.status} ${text.slice(0, 200)}`)
        }),
        { numRuns: 300, seed: 20261130 },
      )
    }, 300_000)

    it('leaves every collection readable, whole, afterwards', async () => {
      for (const collection of REST_COLLECTIONS) {
        const { status, text } = await send(`/${collection}?limit=100&depth=1`, { method: 'GET', admin: true })
        expect({ collection, status }).toEqual({ collection, status: 200 })
        const { docs } = JSON.parse(text) as { docs: { id: unknown }[] }
        for (const doc of docs.slice(0, 10)) {
          const one = await send(`/${collection}/${String(doc.id)}`, { method: 'GET', admin: true })
          expect({ collection, id: doc.id, status: one.status }).toEqual({ collection, id: doc.id, status: 200 })
        }
      }
      expect((await send(`/cohorts/${cohortId}/board`, { method: 'GET', admin: true })).status).toBe(200)
      expect((await send('/feed.xml', { method: 'GET', admin: false })).status).toBe(200)
    })
  })
})
