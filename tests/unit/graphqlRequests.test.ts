import { createHash } from 'node:crypto'

import { graphQLOverGet } from '../../collections/delivery/graphqlRequests'

const sha = (query: string) => createHash('sha256').update(query).digest('hex')
const received: { method: string; body: Record<string, unknown>; authorization: string | null }[] = []
const { GET, POST } = graphQLOverGet(async (request) => {
  received.push({
    method: request.method,
    body: (await request.json()) as Record<string, unknown>,
    authorization: request.headers.get('authorization'),
  })
  // A query naming a field no schema has fails as Payload's handler fails it: 200 with errors.
  if (String(received.at(-1)!.body.query).includes('noSuchField'))
    return Response.json({ errors: [{ message: 'Cannot query field "noSuchField"' }] })
  return Response.json({ data: { ok: true } })
})
const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/graphql?${new URLSearchParams(params)}`, { headers }))
const post = (body: unknown) =>
  POST(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

beforeEach(() => {
  received.length = 0
})

describe('GraphQL over GET', () => {
  it('runs a query from the query string as Payload’s POST, with its variables and the caller’s headers', async () => {
    const query = 'query Posts($limit: Int) { Posts(limit: $limit) { docs { title } } }'
    const response = await get({ query, variables: '{"limit":3}' }, { authorization: 'JWT abc' })
    expect(response.status).toBe(200)
    expect(received).toEqual([{ method: 'POST', body: { query, variables: { limit: 3 } }, authorization: 'JWT abc' }])
  })

  it('refuses a mutation (405, Allow: POST), bad JSON and a missing query (400), and runs the named operation', async () => {
    const mutation = await get({ query: 'mutation { logoutUser }' })
    expect(mutation.status).toBe(405)
    expect(mutation.headers.get('allow')).toBe('POST')
    expect((await get({ query: '{ a }', variables: '{nope' })).status).toBe(400)
    expect((await (await get({})).json()).errors[0].message).toMatch(/query/)
    expect((await get({ query: 'query A { a } mutation B { b }' })).status).toBe(400)
    expect((await get({ query: 'query A { a } mutation B { b }', operationName: 'B' })).status).toBe(405)
    expect((await get({ query: 'query A { a } mutation B { b }', operationName: 'A' })).status).toBe(200)
    expect((await get({ query: '{ broken' })).status).toBe(400)
    expect(received).toHaveLength(1)
  })
})

describe('automatic persisted queries', () => {
  const query = '{ Tags { docs { name } } }'
  const extensions = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })

  it('an unknown hash is PersistedQueryNotFound; sent with its query it is learned, then the hash alone runs it', async () => {
    const hash = sha(query)
    const miss = await get({ extensions: extensions(hash) })
    expect(miss.status).toBe(400)
    expect((await miss.json()).errors[0]).toEqual({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    })
    expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).status).toBe(200)
    const hit = await get({ extensions: extensions(hash) })
    expect(hit.status).toBe(200)
    expect(received.at(-1)!.body).toMatchObject({ query })
  })

  it('learns only a query that ran without errors, and forgets the oldest past its byte budget', async () => {
    const broken = '{ noSuchField }'
    await post({ query: broken, extensions: { persistedQuery: { version: 1, sha256Hash: sha(broken) } } })
    expect((await get({ extensions: extensions(sha(broken)) })).status).toBe(400)

    // 4 MB of learned queries at most: 250 queries of 19,000 characters push the first ones out.
    const big = (index: number) => `{ ${'Tags { docs { name } } '.repeat(800).slice(0, 18_990)} # ${index}\n}`
    for (let index = 0; index < 250; index++) {
      const text = big(index)
      await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha(text) } } })
    }
    expect((await get({ extensions: extensions(sha(big(0))) })).status).toBe(400)
    expect((await get({ extensions: extensions(sha(big(249))) })).status).toBe(200)
  })

  it('refuses a query whose hash does not match, and other versions', async () => {
    const wrong = await get({ query, extensions: extensions(sha('{ other }')) })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors[0].message).toBe('provided sha does not match query')
    const version = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha(query) } } })
    expect(version.status).toBe(400)
    expect(received).toHaveLength(0)
  })

  it('leaves a POST without a persisted query exactly as sent', async () => {
    await post({ query: '{ a }', variables: { x: 1 } })
    expect(received).toEqual([{ method: 'POST', body: { query: '{ a }', variables: { x: 1 } }, authorization: null }])
  })
})
