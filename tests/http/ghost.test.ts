/**
 * Ghost's official client, `@tryghost/content-api`, with its own HTTP requests against Devlog's
 * running server (issue #17): the paths a Ghost front end calls (`/ghost/api/content/…/` with the
 * trailing slash, the versioned `/ghost/api/v4/content/`), a browser's CORS preflight from
 * another origin, the response cache, and a revoked key.
 */
import GhostContentAPI from '@tryghost/content-api'

import { paragraph, doc, text } from '../helpers/lexical'
import { databaseEnv, describeOnEachDatabase, startServer, type RunningServer } from '../helpers/server'

describeOnEachDatabase('Ghost’s Content API over HTTP', (kind) => {
  let server: RunningServer
  let auth: Record<string, string>
  let key: string
  let keyId: number | string

  const api = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init
    const response = await fetch(`${server.url}${path}`, {
      ...rest,
      headers: { ...auth, ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
    return { status: response.status, body: await response.json() }
  }
  const client = (version = 'v6.0', apiKey = key) => GhostContentAPI({ url: server.url, key: apiKey, version })

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    const registered = await api('/api/users/first-register', {
      method: 'POST',
      json: { email: 'owner@test.local', password: 'owner-password-1', name: 'Owner Park' },
    })
    auth = { authorization: `JWT ${registered.body.token}` }
    const tag = (await api('/api/tags', { method: 'POST', json: { name: '쿠버네티스' } })).body.doc
    for (const [title, slug] of [
      ['첫 글', '첫-글'],
      ['Second post', 'second-post'],
    ])
      await api('/api/posts', {
        method: 'POST',
        json: {
          title,
          slug,
          _status: 'published',
          tags: [tag.id],
          authors: [registered.body.user.id],
          content: doc(paragraph(text(`${title}의 본문`))),
        },
      })
    await api('/api/posts?draft=true', { method: 'POST', json: { title: '초안', slug: 'draft', _status: 'draft' } })
    const created = (await api('/api/content-api-keys', { method: 'POST', json: { name: 'Astro starter' } })).body.doc
    key = created.key
    keyId = created.id
    auth = {}
  }, 120_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('answers the client at Ghost’s paths, versioned or not', async () => {
    const posts = await client().posts.browse({ include: 'tags,authors', limit: 10 })
    expect(posts.map((post) => post.slug).sort()).toEqual(['second-post', '첫-글'].sort())
    expect(posts.meta.pagination).toMatchObject({ page: 1, total: 2, pages: 1 })
    const post = await client().posts.read({ slug: '첫-글' }, { formats: 'html,plaintext' })
    expect(post.html).toContain('첫 글의 본문')
    expect(post.plaintext).toBe('첫 글의 본문')
    expect((await client('v4').tags.browse()).map((tag) => tag.slug)).toEqual(['쿠버네티스'])
    expect((await client().authors.read({ slug: 'owner-park' })).name).toBe('Owner Park')
    expect((await client().settings.browse()).title).toBe('Devlog')
    await expect(client().posts.read({ slug: 'draft' })).rejects.toMatchObject({ name: 'NotFoundError' })
  })

  it('lets a browser on another origin read it, and caches it like other anonymous reads', async () => {
    const url = `${server.url}/ghost/api/content/posts/?key=${key}&limit=1`
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://theme.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept-version',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/accept-version/i)
    const first = await fetch(url, { headers: { origin: 'https://theme.example', 'accept-version': 'v6.0' } })
    expect(first.status).toBe(200)
    expect(first.headers.get('access-control-allow-origin')).toBe('*')
    expect(first.headers.get('cache-control')).toBe('public, max-age=0')
    const second = await fetch(url, { headers: { origin: 'https://theme.example', 'accept-version': 'v6.0' } })
    expect(second.headers.get('x-devlog-cache')).toBe('hit')
    const etag = second.headers.get('etag')!
    const unchanged = await fetch(url, { headers: { origin: 'https://theme.example', 'if-none-match': etag } })
    expect(unchanged.status).toBe(304)
  })

  it('a key deleted in the admin stops working at once, cached answers too', async () => {
    const url = `${server.url}/ghost/api/content/settings/?key=${key}`
    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(url)).headers.get('x-devlog-cache')).toBe('hit')
    const { token } = await (
      await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@test.local', password: 'owner-password-1' }),
      })
    ).json()
    const deleted = await fetch(`${server.url}/api/content-api-keys/${keyId}`, {
      method: 'DELETE',
      headers: { authorization: `JWT ${token}` },
    })
    expect(deleted.status).toBe(200)
    const after = await fetch(url)
    expect(after.status).toBe(401)
    expect((await after.json()).errors[0].type).toBe('UnauthorizedError')
  })
})
