/**
 * Ghost's Content API (issue #17) with Ghost's official client, `@tryghost/content-api`, its
 * requests handed to Payload's router (the HTTP test runs the same client against the server):
 * envelopes and objects in Ghost's shapes (fixtures written from Ghost's documentation),
 * pagination, NQL filters, includes, fields and formats, keys, errors, drafts never visible.
 */
import fs from 'node:fs'
import path from 'node:path'

import GhostContentAPI from '@tryghost/content-api'
import { handleEndpoints, type Payload } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../../src/http/clientAddress'
import { doc, heading, paragraph, text } from '../helpers/lexical'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

describe.each(databaseKinds())('ghostContentApi on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let key: string
  const shapes = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '../fixtures/ghost-content/shapes.json'), 'utf8'),
  ) as Record<string, string[]>
  const seen: { url: string; status: number; headers: Headers }[] = []

  /** Ghost's client, its requests answered by Payload's router at the routes' place under /api. */
  const clientWith = (apiKey: string) =>
    GhostContentAPI({
      url: 'http://localhost:3000',
      key: apiKey,
      version: 'v6.0',
      makeRequest: async ({ url, params, headers }) => {
        const search = new URLSearchParams(
          Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]),
        )
        const target = `${url.replace('/ghost/api/content/', '/api/ghost/content/')}?${search}`
        const response = await handleEndpoints({
          config: payload.config,
          payloadInstanceCacheKey: context.key,
          request: new Request(target, { headers }),
        })
        seen.push({ url: target, status: response.status, headers: response.headers })
        const data = await response.json()
        if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { response: { data } })
        return { data }
      },
    })
  const api = () => clientWith(key)
  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: Error & Record<string, unknown>) => error,
    )

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    const kim = await payload.update({
      collection: 'users',
      id: (await createUser(payload, ['editor'])).id,
      data: { name: 'Kim Dev', bio: '인프라 엔지니어' },
    })
    const jane = await payload.update({
      collection: 'users',
      id: (await createUser(payload, ['editor'])).id,
      data: { name: 'Jane Ops' },
    })
    const tag = async (name: string) => (await payload.create({ collection: 'tags', data: { name } })).id
    const [kubernetes, terraform, korean] = [await tag('Kubernetes'), await tag('Terraform'), await tag('회고')]
    await tag('Unused')
    for (let index = 1; index <= 23; index++) {
      await payload.create({
        collection: 'posts',
        data: {
          title: `Post ${String(index).padStart(2, '0')}`,
          slug: `post-${index}`,
          _status: 'published',
          publishedAt: new Date(Date.UTC(2024, 0, index, 9)).toISOString(),
          tags: index % 2 ? [kubernetes] : [terraform, kubernetes],
          authors: [index % 3 ? kim.id : jane.id],
          featured: index === 5,
          content:
            index === 2 ? (doc(heading('h2', 'Pods'), paragraph(text('Pods talk through services.'))) as never) : null,
        },
      })
    }
    await payload.create({
      collection: 'posts',
      data: {
        title: '쿠버네티스 네트워크 정리',
        slug: '쿠버네티스-네트워크',
        excerpt: '파드 사이의 통신',
        _status: 'published',
        publishedAt: '2025-02-01T00:00:00.000Z',
        tags: [korean, kubernetes],
        authors: [kim.id],
        canonicalUrl: 'https://velog.io/@kim/k8s-network',
      },
    })
    await payload.create({
      collection: 'posts',
      data: { title: 'Secret draft', slug: 'secret-draft', _status: 'draft', tags: [kubernetes], authors: [kim.id] },
      draft: true,
    })
    key = (await payload.create({ collection: 'content-api-keys', data: { name: 'Next.js front end' } })).key as string
  })

  afterAll(async () => {
    await context?.close()
  })

  describe('keys', () => {
    test('an admin’s new key is 26 lowercase hex characters, made by the server', async () => {
      expect(key).toMatch(/^[0-9a-f]{26}$/)
      const other = await payload.create({
        collection: 'content-api-keys',
        data: { name: 'x', key: 'chosen' } as never,
      })
      expect(other.key).toMatch(/^[0-9a-f]{26}$/)
      expect(other.key).not.toBe(key)
    })

    test('a missing key is 403, an unknown one 401, in Ghost’s error shape, thrown by the client with its type', async () => {
      const unknown = await caught(clientWith('0123456789abcdef0123456789').posts.browse())
      expect(unknown).toMatchObject({
        name: 'UnauthorizedError',
        message: 'Unknown Content API Key',
        code: 'UNKNOWN_CONTENT_API_KEY',
      })
      expect(Object.keys((unknown!.response as { data: { errors: object[] } }).data.errors[0]).sort()).toEqual(
        [...shapes.error].sort(),
      )
      const response = await handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: context.key,
        request: new Request('http://localhost:3000/api/ghost/content/posts/'),
      })
      expect(response.status).toBe(403)
      expect((await response.json()).errors[0]).toMatchObject({
        type: 'NoPermissionError',
        message: 'Authorization failed',
      })
    })

    test('only admins see or make keys', async () => {
      const editor = await createUser(payload, ['editor'])
      await expect(
        payload.find({ collection: 'content-api-keys', overrideAccess: false, user: editor }),
      ).rejects.toThrow()
      await expect(
        payload.create({ collection: 'content-api-keys', data: { name: 'mine' }, overrideAccess: false, user: editor }),
      ).rejects.toThrow()
    })
  })

  describe('posts', () => {
    test('browse: published only, newest first, 15 a page, Ghost’s envelope and pagination', async () => {
      const posts = await api().posts.browse()
      expect(posts).toHaveLength(15)
      expect(posts[0].slug).toBe('쿠버네티스-네트워크')
      expect(posts.map((post) => post.title)).not.toContain('Secret draft')
      expect(posts.meta.pagination).toEqual({ page: 1, limit: 15, pages: 2, total: 24, next: 2, prev: null })
      expect(Object.keys(posts[0]).sort()).toEqual([...shapes.post].sort())
      const second = await api().posts.browse({ page: 2 })
      expect(second).toHaveLength(9)
      expect(second.meta.pagination).toMatchObject({ page: 2, next: null, prev: 1 })
      const all = await api().posts.browse({ limit: 'all' })
      expect(all.meta.pagination).toMatchObject({ limit: 100, pages: 1, total: 24 })
      expect((await api().posts.browse({ limit: 500 })).meta.pagination.limit).toBe(100)
    })

    test('a post’s fields as Ghost gives them', async () => {
      const post = await api().posts.read({ slug: '쿠버네티스-네트워크' }, { include: 'tags,authors' })
      expect(post).toMatchObject({
        title: '쿠버네티스 네트워크 정리',
        slug: '쿠버네티스-네트워크',
        custom_excerpt: '파드 사이의 통신',
        excerpt: '파드 사이의 통신',
        canonical_url: 'https://velog.io/@kim/k8s-network',
        featured: false,
        visibility: 'public',
        published_at: '2025-02-01T00:00:00.000+00:00',
        url: 'http://localhost:3000/posts/%EC%BF%A0%EB%B2%84%EB%84%A4%ED%8B%B0%EC%8A%A4-%EB%84%A4%ED%8A%B8%EC%9B%8C%ED%81%AC',
      })
      expect(post.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(post.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/)
      expect(Object.keys(post).sort()).toEqual([...shapes.post, ...shapes.postInclude].sort())
      expect(post.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['회고', 'kubernetes'])
      expect(post.primary_tag.slug).toBe('회고')
      expect(Object.keys(post.tags[0]).sort()).toEqual([...shapes.tag].sort())
      expect(post.primary_author).toMatchObject({ name: 'Kim Dev', slug: 'kim-dev', bio: '인프라 엔지니어' })
      expect(Object.keys(post.authors[0]).sort()).toEqual([...shapes.author].sort())
      expect(JSON.stringify(post)).not.toMatch(/@test\.local/)
      expect(post.primary_author).not.toHaveProperty('email')
      // Without include, no tags or authors at all.
      const bare = await api().posts.read({ slug: 'post-1' })
      expect(bare).not.toHaveProperty('tags')
      expect(bare).not.toHaveProperty('primary_author')
    })

    test('read by id and slug; a draft or a missing post is Ghost’s 404', async () => {
      const byId = await api().posts.read({ id: (await api().posts.read({ slug: 'post-3' })).id })
      expect(byId.slug).toBe('post-3')
      expect(await caught(api().posts.read({ slug: 'secret-draft' }))).toMatchObject({
        name: 'NotFoundError',
        message: 'Post not found.',
      })
      expect(await caught(api().posts.read({ id: 'not-an-id' }))).toMatchObject({ name: 'NotFoundError' })
      // The read envelope has no meta, so the client hands back one object.
      const last = seen.at(-1)!
      expect(last.status).toBe(404)
    })

    test.each([
      ['tag:terraform', 11],
      ['tags:[terraform,회고]', 12],
      ['tag:kubernetes+tag:-terraform', 13],
      ['featured:true', 1],
      ['slug:-post-1', 23],
      ['slug:-[post-1,post-2]', 22],
      ["published_at:>'2024-01-20'", 5],
      ["published_at:<='2024-01-02 09:00:00'", 2],
      ['author:jane-ops', 7],
      ['authors:[jane-ops,kim-dev]+featured:false', 23],
      ['(tag:terraform,featured:true)+published_at:>2024-01-10', 7],
      ["title:~'네트워크'", 1],
      ['primary_tag:회고', 1],
      ['visibility:public', 24],
      ['published_at:>now-30d', 0],
    ])('filter %s finds %i', async (filter, total) => {
      const posts = await api().posts.browse({ filter, limit: 'all' })
      expect(posts.meta.pagination.total).toBe(total)
    })

    test.each([
      ['mobiledoc:x', /"mobiledoc" cannot be filtered on/],
      ["title:~^'Post'", /starts with/],
      ['tag:', /filter:/],
    ])('filter %s is refused with a 400 that says why', async (filter, message) => {
      const error = await caught(api().posts.browse({ filter }))
      expect(error).toMatchObject({ name: 'BadRequestError' })
      expect(error!.message).toMatch(message)
    })

    test('fields, formats and order', async () => {
      const [post] = await api().posts.browse({ fields: 'title,url', limit: 1 })
      expect(Object.keys(post)).toEqual(['title', 'url'])
      const [asText] = await api().posts.browse({ formats: 'plaintext', filter: 'slug:post-2' })
      expect(asText.plaintext).toBe('Pods Pods talk through services.')
      expect(asText).not.toHaveProperty('html')
      const oldest = await api().posts.browse({ order: 'published_at asc', limit: 2 })
      expect(oldest.map((each) => each.slug)).toEqual(['post-1', 'post-2'])
      const byTitle = await api().posts.browse({ order: 'title desc', limit: 1 })
      expect(byTitle[0].slug).toBe('쿠버네티스-네트워크')
      expect(await caught(api().posts.browse({ order: 'email asc' }))).toMatchObject({ name: 'BadRequestError' })
    })

    test('headers: CORS open, an ETag, Ghost’s Cache-Control', async () => {
      await api().posts.browse({ limit: 1 })
      const { headers } = seen.at(-1)!
      expect(headers.get('access-control-allow-origin')).toBe('*')
      expect(headers.get('cache-control')).toBe('public, max-age=0')
      expect(headers.get('etag')).toMatch(/^W\/"[\w-]+"$/)
    })
  })

  describe('tags, authors, pages and settings', () => {
    test('tags: those with published posts, with their post counts', async () => {
      const tags = await api().tags.browse({ include: 'count.posts', limit: 'all' })
      expect(tags.map((tag) => tag.slug).sort()).toEqual(['kubernetes', 'terraform', '회고'].sort())
      expect(tags.find((tag) => tag.slug === 'kubernetes')!.count).toEqual({ posts: 24 })
      expect(Object.keys(tags[0]).sort()).toEqual([...shapes.tag, 'count'].sort())
      expect((await api().tags.read({ slug: '회고' })).name).toBe('회고')
      expect(await caught(api().tags.read({ slug: 'unused' }))).toMatchObject({ name: 'NotFoundError' })
      expect((await api().tags.browse({ filter: 'slug:[terraform,회고]' })).meta.pagination.total).toBe(2)
    })

    test('authors: those with published posts, without emails', async () => {
      const authors = await api().authors.browse({ include: 'count.posts' })
      expect(authors.map((author) => [author.slug, author.count.posts])).toEqual([
        ['jane-ops', 7],
        ['kim-dev', 17],
      ])
      const kim = await api().authors.read({ slug: 'kim-dev' })
      expect(kim.name).toBe('Kim Dev')
      expect(Object.keys(kim).sort()).toEqual([...shapes.author].sort())
      expect((await api().authors.read({ id: kim.id })).slug).toBe('kim-dev')
      expect(JSON.stringify(authors)).not.toContain('@')
      expect((await api().authors.browse({ filter: 'slug:jane-ops' })).map((author) => author.name)).toEqual([
        'Jane Ops',
      ])
    })

    test('pages: none (Devlog has posts and retrospectives), an empty browse and a 404 read', async () => {
      const pages = await api().pages.browse()
      expect([...pages]).toEqual([])
      expect(pages.meta.pagination).toEqual({ page: 1, limit: 15, pages: 1, total: 0, next: null, prev: null })
      expect(await caught(api().pages.read({ slug: 'about' }))).toMatchObject({ name: 'NotFoundError' })
    })

    test('settings', async () => {
      const settings = await api().settings.browse()
      expect(settings).toMatchObject({ title: 'Devlog', lang: 'ko', url: 'http://localhost:3000/' })
      expect(Object.keys(settings).sort()).toEqual([...shapes.settings].sort())
    })
  })

  describe('revoking and throttling', () => {
    test('a deleted key stops working', async () => {
      const { docs } = await payload.find({ collection: 'content-api-keys', where: { key: { not_equals: key } } })
      const other = docs[0].key as string
      expect(await api().settings.browse()).toBeDefined()
      await payload.delete({ collection: 'content-api-keys', id: docs[0].id })
      expect(await caught(clientWith(other).settings.browse())).toMatchObject({ name: 'UnauthorizedError' })
    })

    test('100 failures from one address within an hour are refused with 429 for an hour', async () => {
      const from = (address: string, apiKey: string) =>
        handleEndpoints({
          config: payload.config,
          payloadInstanceCacheKey: context.key,
          request: new Request(`http://localhost:3000/api/ghost/content/settings/?key=${apiKey}`, {
            // The address Devlog's server reads from the socket.
            headers: { [CLIENT_ADDRESS_HEADER]: address },
          }),
        })
      for (let attempt = 0; attempt < 100; attempt++) await from('203.0.113.9', 'ffffffffffffffffffffffffff')
      const blocked = await from('203.0.113.9', key)
      expect(blocked.status).toBe(429)
      expect((await blocked.json()).errors[0].type).toBe('TooManyRequestsError')
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000)
      expect((await from('203.0.113.10', key)).status).toBe(200)
    })
  })
})
