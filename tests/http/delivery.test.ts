import { XMLParser } from 'fast-xml-parser'

import { doc, paragraph, text } from '../helpers/lexical'
import { unknownId } from '../helpers/payload'
import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

describeOnEachDatabase('feeds and sitemap', (kind) => {
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    server = await startServer({
      ...databaseEnv(kind),
      FRONTEND_URL_TEMPLATE: 'https://blog.example.com/{collection}/{slug}',
      SITE_TITLE: '데브로그',
      CORS_ORIGINS: 'https://front.example.com',
    })
    token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1', name: '김데브' })
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify(body),
      }).then((r) => r.json())
    const k8s = (await post('/api/tags', { name: 'Kubernetes' })).doc
    await post('/api/posts', {
      title: 'Older post',
      tags: [k8s.id],
      _status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
      excerpt: 'An older one.',
      content: doc(paragraph(text('The body of the older post.'))),
    })
    await post('/api/posts', {
      title: '새 글 & 특수문자',
      _status: 'published',
      publishedAt: '2026-03-01T00:00:00.000Z',
    })
    await post('/api/posts?draft=true', { title: 'Draft never shown', tags: [k8s.id], _status: 'draft' })
    await post('/api/retrospectives', {
      period: { kind: 'quarter', year: 2026, index: 1 },
      _status: 'published',
      publishedAt: '2026-04-01T00:00:00.000Z',
    })
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('serves RSS 2.0 with the required elements, newest first, without drafts', async () => {
    const response = await fetch(`${server.url}/feed.xml`)
    expect(response.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    const { rss } = xml.parse(await response.text())
    expect(rss['@version']).toBe('2.0')
    expect(rss.channel).toMatchObject({ title: '데브로그', link: expect.any(String), description: expect.any(String) })
    const items = list(rss.channel.item)
    // Titles are HTML, escaped as Atom's are (readers that render them as HTML show the text).
    expect(items.map((item: { title: string }) => item.title)).toEqual([
      '2026년 1분기 회고',
      '새 글 &amp; 특수문자',
      'Older post',
    ])
    expect(items[0]).toMatchObject({
      link: 'https://blog.example.com/retrospectives/2026%EB%85%84-1%EB%B6%84%EA%B8%B0-%ED%9A%8C%EA%B3%A0',
      pubDate: expect.any(String),
    })
    expect(JSON.stringify(items)).not.toContain('Draft never shown')
  })

  it('serves Atom and JSON Feed 1.1', async () => {
    const { feed } = xml.parse(await (await fetch(`${server.url}/atom.xml`)).text())
    expect(feed).toMatchObject({ id: expect.any(String), title: '데브로그', updated: expect.any(String) })
    const entries = list(feed.entry)
    expect(entries).toHaveLength(3)
    expect(entries[2]).toMatchObject({
      title: expect.anything(),
      id: 'https://blog.example.com/posts/older-post',
      updated: expect.any(String),
    })

    const json = await (await fetch(`${server.url}/feed.json`)).json()
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: '데브로그',
      feed_url: `${server.url}/feed.json`,
    })
    expect(json.items[2]).toMatchObject({
      id: 'https://blog.example.com/posts/older-post',
      url: 'https://blog.example.com/posts/older-post',
      summary: 'An older one.',
    })
    expect(json.items[2].authors).toEqual([{ name: '김데브' }])
    expect(json.items[2].content_html).toBe('<p>The body of the older post.</p>')
  })

  it('serves per-tag feeds, and 404 for an unknown tag', async () => {
    const { rss } = xml.parse(await (await fetch(`${server.url}/tags/kubernetes/feed.xml`)).text())
    expect(list(rss.channel.item).map((item: { title: string }) => item.title)).toEqual(['Older post'])
    expect(rss.channel.title).toBe('데브로그 · Kubernetes')
    expect((await fetch(`${server.url}/tags/kubernetes/feed.json`)).status).toBe(200)
    expect((await fetch(`${server.url}/tags/no-such-tag/atom.xml`)).status).toBe(404)
  })

  it('answers with an ETag and Cache-Control, and 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${server.url}/feed.xml`)
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=600')
    // fetch adds `Cache-Control: no-cache` (which forbids a 304) to conditional requests unless told otherwise.
    const again = await fetch(`${server.url}/feed.xml`, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    })
    expect(again.status).toBe(304)
  })

  it('lists published pages with lastmod in the sitemap', async () => {
    const response = await fetch(`${server.url}/sitemap.xml`)
    expect(response.headers.get('content-type')).toMatch(/application\/xml/)
    const { urlset } = xml.parse(await response.text())
    const locs = list(urlset.url).map((url: { loc: string; lastmod: string }) => url.loc)
    expect(locs).toEqual(
      expect.arrayContaining([
        'https://blog.example.com/posts/older-post',
        'https://blog.example.com/tags/kubernetes',
        'https://blog.example.com/retrospectives/2026%EB%85%84-1%EB%B6%84%EA%B8%B0-%ED%9A%8C%EA%B3%A0',
      ]),
    )
    expect(locs.join(' ')).not.toContain('draft-never-shown')
    expect(list(urlset.url).every((url: { lastmod: string }) => /^\d{4}-\d{2}-\d{2}T/.test(url.lastmod))).toBe(true)
    expect((await fetch(`${server.url}/sitemaps/1.xml`)).status).toBe(404)
  })

  it('searches published posts and retrospectives over REST and GraphQL', async () => {
    const rest = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('older')}`)).json()
    expect(rest).toMatchObject({
      query: 'older',
      page: 1,
      totalDocs: 1,
      docs: [{ collection: 'posts', title: 'Older post', slug: 'older-post' }],
    })
    const korean = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('회고')}`)).json()
    expect(korean.docs.map((hit: { collection: string }) => hit.collection)).toEqual(['retrospectives'])
    expect((await (await fetch(`${server.url}/api/search?q=never`)).json()).totalDocs).toBe(0)
    expect((await fetch(`${server.url}/api/search?q=`)).status).toBe(400)
    const graphql = await (
      await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Search(q: "older", limit: 5) }' }),
      })
    ).json()
    expect(graphql.data.Search.docs.map((hit: { title: string }) => hit.title)).toEqual(['Older post'])
  })

  it('describes the public REST API as OpenAPI 3.1, generated from the collections', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    const spec = await response.json()
    expect(spec.openapi).toMatch(/^3\.1/)
    expect(spec.info.title).toBe('데브로그 API') // named after the site (SITE_TITLE)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/posts', '/api/posts/{id}', '/api/retrospectives', '/api/tags', '/api/cohorts']),
    )
    expect(Object.keys(spec.paths).some((path) => path.startsWith('/api/payload-'))).toBe(false)
    expect(spec.paths['/api/posts'].get.responses['200']).toBeDefined()
    expect(spec.paths['/api/posts/slug/{slug}'].get.parameters).toEqual([
      expect.objectContaining({ name: 'slug', in: 'path' }),
      expect.objectContaining({
        name: 'body',
        in: 'query',
        schema: { type: 'string', enum: ['both', 'html', 'lexical'] },
      }),
      expect.objectContaining({ name: 'draft', in: 'query' }),
    ])
    expect(spec.paths['/api/search'].get).toBeDefined()
    expect(spec.components.schemas.posts.properties.contentHtml).toBeDefined()
    expect(JSON.stringify(spec)).not.toContain('#/definitions/')

    const page = await fetch(`${server.url}/api/docs`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('<code>/api/posts/{id}</code>')
    expect(html).not.toMatch(/<script/i)
  })

  it('keeps cached answers per Origin, so CORS headers are never replayed to another origin', async () => {
    const read = (origin?: string) => fetch(`${server.url}/api/tags?limit=3`, { headers: origin ? { origin } : {} })
    const front = await read('https://front.example.com')
    expect(front.headers.get('access-control-allow-origin')).toBe('https://front.example.com')
    expect(front.headers.get('vary')).toMatch(/\bOrigin\b/)
    const evil = await read('https://evil.example.com')
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://front.example.com')
    expect(evil.headers.get('vary')).toMatch(/\bOrigin\b/)
    const frontAgain = await read('https://front.example.com')
    expect(frontAgain.headers.get('x-devlog-cache')).toBe('hit')
    expect(frontAgain.headers.get('access-control-allow-origin')).toBe('https://front.example.com')
    const evilAgain = await read('https://evil.example.com')
    expect(evilAgain.headers.get('x-devlog-cache')).toBe('hit')
    expect(evilAgain.headers.get('access-control-allow-origin')).not.toBe('https://front.example.com')
  })

  it('answers HEAD like GET without a body on the API, feeds and sitemap', async () => {
    const posts = await (await fetch(`${server.url}/api/posts?limit=1`)).json()
    for (const path of [
      '/api/posts',
      `/api/posts/${posts.docs[0].id}`,
      '/api/tags',
      '/api/feed.xml',
      '/feed.xml',
      '/sitemap.xml',
    ]) {
      const get = await fetch(`${server.url}${path}`)
      const head = await fetch(`${server.url}${path}`, { method: 'HEAD' })
      expect({ path, status: head.status }).toEqual({ path, status: 200 })
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
      expect(await head.text()).toBe('')
    }
    expect((await fetch(`${server.url}/api/posts/${unknownId(kind)}`, { method: 'HEAD' })).status).toBe(404)
  })

  it('serves anonymous REST reads from its cache with ETags, and a publish shows on the very next read', async () => {
    const read = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers: { 'cache-control': 'max-age=0', ...headers } })
    const first = await read('/api/posts?depth=1&limit=5')
    expect(first.headers.get('x-devlog-cache')).toBe('miss')
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const second = await read('/api/posts?depth=1&limit=5')
    expect(second.headers.get('x-devlog-cache')).toBe('hit')
    const body = await first.json()
    expect(await second.json()).toEqual(body)
    // A hit keeps the security and caching headers of the response it was kept from, and is
    // compressed for clients that ask.
    for (const name of ['content-security-policy', 'x-content-type-options', 'cache-control', 'etag', 'content-type'])
      expect(second.headers.get(name)).toBe(first.headers.get(name))
    const gzipped = await read('/api/posts?depth=1&limit=5', { 'accept-encoding': 'gzip' })
    expect(gzipped.headers.get('x-devlog-cache')).toBe('hit')
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(await gzipped.json()).toEqual(body)
    expect((await read('/api/posts?depth=1&limit=5', { 'if-none-match': etag })).status).toBe(304)

    const auth = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    const signedIn = await fetch(`${server.url}/api/posts?depth=1&limit=5`, {
      headers: { authorization: `JWT ${token}` },
    })
    expect(signedIn.headers.get('x-devlog-cache')).toBeNull()

    await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Fresh off the press', _status: 'published' }),
    })
    const afterPublish = await read('/api/posts?depth=1&limit=5')
    expect(afterPublish.headers.get('x-devlog-cache')).toBe('miss')
    expect((await afterPublish.json()).docs.map((post: { title: string }) => post.title)).toContain(
      'Fresh off the press',
    )

    // Posts show their tags: renaming a tag drops cached post lists too.
    await read('/api/posts?depth=1&limit=5')
    const tag = (await (await read('/api/tags?where[slug][equals]=kubernetes')).json()).docs[0]
    await fetch(`${server.url}/api/tags/${tag.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ name: 'K8s' }),
    })
    const afterRename = await read('/api/posts?depth=1&limit=5')
    expect(afterRename.headers.get('x-devlog-cache')).toBe('miss')
    expect(JSON.stringify(await afterRename.json())).toContain('"name":"K8s"')

    const feed = await (await read('/feed.xml')).text()
    expect(feed).toContain('Fresh off the press')
  })
})
