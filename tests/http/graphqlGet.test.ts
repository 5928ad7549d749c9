/**
 * GraphQL over GET and automatic persisted queries on Devlog's server (issue #18): anonymous
 * repeated queries are GETs the response cache answers, dropped when content changes, as REST's.
 */
import { createHash } from 'node:crypto'

import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

describeOnEachDatabase('GraphQL over GET on the server', (kind) => {
  let server: RunningServer
  let token: string
  const query = '{ Posts(limit: 5, sort: "title") { docs { title tags { name } } } }'
  const hash = createHash('sha256').update(query).digest('hex')
  const persisted = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })
  const get = (params: Record<string, string>) => fetch(`${server.url}/api/graphql?${new URLSearchParams(params)}`)

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    token = await registerFirstUser(server, { email: 'editor@test.local', password: 'editor-password-1' })
    await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'GET으로 읽는 글', _status: 'published' }),
    })
  }, 90_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('answers a query over GET from the response cache, until a post changes', async () => {
    const first = await get({ query })
    expect(first.status).toBe(200)
    expect((await first.json()).data.Posts.docs.map((post: { title: string }) => post.title)).toEqual([
      'GET으로 읽는 글',
    ])
    expect(first.headers.get('x-devlog-cache')).toBe('miss')
    const second = await get({ query })
    expect(second.headers.get('x-devlog-cache')).toBe('hit')
    expect((await get({ query: 'mutation { logoutUser }' })).status).toBe(405)

    await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Another post', _status: 'published' }),
    })
    const after = await get({ query })
    expect(after.headers.get('x-devlog-cache')).toBe('miss')
    expect((await after.json()).data.Posts.docs).toHaveLength(2)
  })

  it('runs automatic persisted queries: the hash alone once the server has learned it', async () => {
    const miss = await get({ extensions: persisted })
    expect(miss.status).toBe(400)
    expect((await miss.json()).errors[0].message).toBe('PersistedQueryNotFound')
    const learned = await get({ query, extensions: persisted })
    expect(learned.status).toBe(200)
    const byHash = await get({ extensions: persisted })
    expect(byHash.status).toBe(200)
    expect((await byHash.json()).data.Posts.docs).toHaveLength(2)
    expect((await get({ extensions: persisted })).headers.get('x-devlog-cache')).toBe('hit')
  })
})
