/**
 * Draft previews for a headless front end: the admin's preview link carries a signed token that
 * opens that document's latest draft, through REST and GraphQL, and nothing else.
 */
import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'
import { createLocalReq, handleEndpoints, type Payload } from 'payload'

import { createPreviewToken, readPreviewToken } from '../../collections/delivery/preview'
import { doc, paragraph, text } from '../helpers/lexical'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

type Json = Record<string, any>

describe.each(databaseKinds())('preview on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let editor: Json

  async function rest(url: string) {
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: context.key,
      request: new Request(`http://localhost:3000/api${url}`),
    })
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json }
  }

  async function query(source: string) {
    const req = await createLocalReq({}, payload)
    return graphql({ schema: configToSchema(payload.config).schema, source, contextValue: { req, headers: {} } })
  }

  /** The link the admin's "Preview" button opens, as Payload asks the collection for it. */
  async function previewLink(collection: 'posts' | 'retrospectives', document: Json) {
    const req = await createLocalReq({ user: editor as never }, payload)
    const preview = payload.collections[collection].config.admin.preview!
    return String(await preview(document, { req, token: null } as never))
  }

  const tokenOf = (link: string) => new URL(link).searchParams.get('preview')!

  let published: Json
  let link: string

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    editor = { ...(await createUser(payload, ['editor'])), collection: 'users' }
    published = await payload.create({
      collection: 'posts',
      data: { title: 'Published title', _status: 'published', content: doc(paragraph(text('Public words.'))) } as never,
    })
    // A draft saved over the published post: only editors and preview links may see it.
    await payload.update({
      collection: 'posts',
      id: published.id,
      data: { title: 'Draft title', content: doc(paragraph(text('Secret draft words.'))) } as never,
      draft: true,
    })
    link = await previewLink('posts', { ...published, title: 'Draft title' })
  })

  afterAll(async () => {
    await context.close()
  })

  describe('draft previews', () => {
    it("link to the front end's page of the document with a token", () => {
      expect(link).toMatch(/^http:\/\/localhost:3000\/posts\/published-title\?preview=[\w-]+$/)
      expect(readPreviewToken(payload.secret, tokenOf(link))).toEqual({ collection: 'posts', id: String(published.id) })
    })

    it('open the latest draft over REST, uncached, with related documents as ids', async () => {
      const response = await rest(`/preview?token=${tokenOf(link)}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.body.collection).toBe('posts')
      expect(response.body.doc).toMatchObject({ id: published.id, title: 'Draft title' })
      expect(JSON.stringify(response.body.doc)).toContain('Secret draft words.')
      expect(response.body.doc.authors.every((author: unknown) => typeof author !== 'object')).toBe(true)
      // The public still reads the published post.
      expect((await rest(`/posts/${published.id}`)).body.title).toBe('Published title')
    })

    it('open the latest draft over GraphQL', async () => {
      const result = await query(`{ PreviewDocument(token: "${tokenOf(link)}") { collection post { title } } }`)
      expect(result.errors).toBeUndefined()
      expect(result.data).toEqual({ PreviewDocument: { collection: 'posts', post: { title: 'Draft title' } } })
    })

    it('refuse a missing, forged, expired or retargeted token', async () => {
      expect((await rest('/preview')).status).toBe(400)
      expect((await rest('/preview')).body.errors[0].message).toMatch(/^token:/)
      const forged = createPreviewToken('not-the-secret', { collection: 'posts', id: published.id })
      const expired = createPreviewToken(
        payload.secret,
        { collection: 'posts', id: published.id },
        Date.now() - 2 * 86_400_000,
      )
      // The same signature on another document's id.
      const [, , expires, signature] = Buffer.from(tokenOf(link), 'base64url').toString().split(':')
      const retargeted = Buffer.from(`posts:${Number(published.id) + 1}:${expires}:${signature}`).toString('base64url')
      for (const token of [forged, expired, retargeted, 'garbage', tokenOf(link).slice(0, -2)]) {
        const response = await rest(`/preview?token=${token}`)
        expect({ token, status: response.status }).toEqual({ token, status: 403 })
      }
      const graph = await query(`{ PreviewDocument(token: "${forged}") { collection } }`)
      expect(graph.errors?.[0]?.message).toMatch(/invalid or has expired/)
    })

    it('work for retrospectives, and give a document not yet saved its page without a token', async () => {
      const retrospective = await payload.create({
        collection: 'retrospectives',
        data: { period: { kind: 'year', year: 2031 }, _status: 'draft' } as never,
        draft: true,
      })
      const retrospectiveLink = await previewLink('retrospectives', retrospective)
      const response = await rest(`/preview?token=${tokenOf(retrospectiveLink)}`)
      expect(response.body).toMatchObject({ collection: 'retrospectives', doc: { id: retrospective.id } })
      expect(await previewLink('posts', { title: 'Unsaved' })).not.toContain('preview=')
    })
  })
})
