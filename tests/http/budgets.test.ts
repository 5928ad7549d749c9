/**
 * What one request may ask of the server (issue #36, item 1): GraphQL operations within their
 * budgets however they are aliased, one sign-in per request, and pages of bounded size.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

type GraphQLAnswer = { status: number; body: { data?: unknown; errors?: { message: string }[] } }

describeOnEachDatabase('request budgets on the server', (kind) => {
  let server: RunningServer
  let token: string

  const graphql = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer> => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, body: await response.json() }
  }
  const aliases = (count: number, field: string) =>
    Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join('\n')

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1' })
  }, 90_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('refuses a GraphQL operation with more root fields than its budget, aliases counted', async () => {
    const within = await graphql(`{ ${aliases(20, 'Tags(limit: 1) { totalDocs }')} }`)
    expect(within.body.errors).toBeUndefined()
    const over = await graphql(`{ ${aliases(21, 'Tags(limit: 1) { totalDocs }')} }`)
    expect(over.body.errors?.[0].message).toMatch(/21 fields at its top \(aliases included\); at most 20/)
    expect(over.body.data).toBeUndefined()
  })

  it('counts the documents every list may return, nested lists multiplied, limits from variables too', async () => {
    const many = await graphql(`{ ${aliases(3, 'Posts(limit: 1000) { docs { title } }')} }`)
    expect(many.body.errors?.[0].message).toMatch(/may return 3000 documents in all/)
    const fromVariables = await graphql(
      `
        query ($n: Int) {
          a: Posts(limit: $n) {
            docs {
              title
            }
          }
          b: Posts(limit: $n) {
            docs {
              title
            }
          }
          c: Tags(limit: $n) {
            docs {
              name
            }
          }
        }
      `,
      { n: 800 },
    )
    expect(fromVariables.body.errors?.[0].message).toMatch(/may return 2400 documents/)
    // `limit: 0` is every document: a whole budget by itself.
    const every = await graphql('{ a: Posts(limit: 0) { totalDocs } b: Tags(limit: 1) { totalDocs } }')
    expect(every.body.errors?.[0].message).toMatch(/may return 2001 documents/)
    const fine = await graphql('{ Posts(limit: 100) { docs { title } } Tags(limit: 100) { docs { name } } }')
    expect(fine.body.errors).toBeUndefined()
  })

  it('signs in once per request: aliased logins are refused before any password is checked', async () => {
    const login = (index: number) =>
      `l${index}: loginUser(email: "owner@test.local", password: "wrong-password-${index}") { token }`
    const tries = await graphql(`mutation { ${[0, 1, 2].map(login).join(' ')} }`)
    expect(tries.body.errors?.[0].message).toMatch(/once per request: this one asks 3 times/)
    // No failure was counted against the account: the right password still signs in at once.
    const right = await graphql(
      'mutation { loginUser(email: "owner@test.local", password: "owner-password-1") { token } }',
    )
    expect(right.body.errors).toBeUndefined()
  })

  it('keeps REST pages within bounds: no overflowing page, no whole collection for anonymous readers', async () => {
    const overflow = await fetch(`${server.url}/api/posts?limit=1e11&page=1e11`)
    expect(overflow.status).toBe(400)
    expect(JSON.stringify(await overflow.json())).toMatch(/limit must be a whole number from 1 to 1000/)
    expect((await fetch(`${server.url}/api/posts?limit=0`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/posts?page=2000000000`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/posts?depth=11`)).status).toBe(400)
    // Signed in, the admin's "every document" (`limit=0`) still answers.
    const everything = await fetch(`${server.url}/api/posts?limit=0`, { headers: { authorization: `JWT ${token}` } })
    expect(everything.status).toBe(200)
  })
})

describeOnEachDatabase('a request that would stall the server', (kind) => {
  let server: RunningServer
  let trickling: http.Server
  let token: string

  beforeAll(async () => {
    // A member's "blog" that sends its feed one byte a second, for a minute.
    trickling = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(' ')), 1_000)
    })
    await new Promise<void>((resolve) => trickling.listen(0, '127.0.0.1', resolve))
    server = await startServer({
      ...databaseEnv(kind),
      OUTBOUND_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      READ_DEADLINE_MS: '3000',
      WRITE_DEADLINE_MS: '2000',
    })
    token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1' })
  }, 90_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
    trickling?.closeAllConnections()
    await new Promise((resolve) => trickling?.close(resolve))
  })

  it('answers 503 at its deadline, while reads beside it are answered', async () => {
    const auth = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    const member = await fetch(`${server.url}/api/members`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        displayName: '느린 블로그',
        feedUrl: `http://127.0.0.1:${(trickling.address() as AddressInfo).port}/feed.xml`,
      }),
    })
    const { doc } = await member.json()
    const started = Date.now()
    const check = fetch(`${server.url}/api/members/${doc.id}/feed/check`, { method: 'POST', headers: auth })
    // Signed in, so never from the response cache: each read is Payload's work.
    const reads = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.url}/api/posts?limit=1`, { headers: auth }).then((r) => r.status),
      ),
    )
    expect(reads).toEqual(Array(20).fill(200))
    const stalled = await check
    expect(stalled.status).toBe(503)
    expect(stalled.headers.get('retry-after')).toBe('1')
    expect((await stalled.json()).errors[0].message).toMatch(/took longer than 2 s/)
    // Well before the feed's own 15 s limit (the bound is loose: it only tells the two apart).
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
