import sharp from 'sharp'
import type { Payload } from 'payload'

import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

describe.each(databaseKinds())('collections on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
  })
  afterAll(async () => {
    await ctx?.close()
  })

  describe('users and roles', () => {
    it('makes the very first account an admin and later ones members', async () => {
      const first = await payload.create({
        collection: 'users',
        data: { email: 'first@test.local', password: 'first-password-1' },
      })
      expect(first.roles).toEqual(['admin'])
      const second = await payload.create({
        collection: 'users',
        data: { email: 'second@test.local', password: 'second-password-1' },
      })
      expect(second.roles).toEqual(['member'])
    })

    it('lets only admins create users and change roles', async () => {
      const editor = await createUser(payload, ['editor'])
      await expect(
        payload.create({
          collection: 'users',
          data: { email: 'x@test.local', password: 'x-password-1' },
          user: editor,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/not allowed/i)

      const updated = await payload.update({
        collection: 'users',
        id: editor.id,
        data: { roles: ['admin'], name: 'Still an editor' },
        user: editor,
        overrideAccess: false,
      })
      expect(updated.name).toBe('Still an editor')
      expect(updated.roles).toEqual(['editor'])

      const admin = await createUser(payload, ['admin'])
      const promoted = await payload.update({
        collection: 'users',
        id: editor.id,
        data: { roles: ['editor', 'operator'] },
        user: admin,
        overrideAccess: false,
      })
      expect(promoted.roles).toEqual(['editor', 'operator'])
    })

    it('shows public profiles to everyone but emails and roles only to the user and admins', async () => {
      const member = await createUser(payload, ['member'])
      const other = await createUser(payload, ['editor'])
      const asMember = await payload.find({ collection: 'users', user: member, overrideAccess: false, limit: 100 })
      const self = asMember.docs.find((doc) => doc.id === member.id)!
      const someoneElse = asMember.docs.find((doc) => doc.id === other.id)!
      expect(self).toMatchObject({ email: member.email, roles: ['member'] })
      expect(someoneElse).toBeDefined()
      expect(someoneElse.email).toBeUndefined()
      expect(someoneElse.roles).toBeUndefined()

      const anonymous = await payload.findByID({ collection: 'users', id: other.id, overrideAccess: false })
      expect(anonymous.email).toBeUndefined()
      expect(anonymous.roles).toBeUndefined()
      expect(Object.keys(anonymous)).not.toEqual(expect.arrayContaining(['hash', 'salt', 'password']))
    })
  })

  describe('posts and tags', () => {
    it('generates a Hangul-preserving slug and suffixes collisions', async () => {
      const a = await payload.create({ collection: 'posts', data: { title: '2021년 1분기 회고' } })
      const b = await payload.create({ collection: 'posts', data: { title: '2021년 1분기 회고' } })
      expect(a.slug).toBe('2021년-1분기-회고')
      expect(b.slug).toBe('2021년-1분기-회고-2')
      const tag = await payload.create({ collection: 'tags', data: { name: 'Site Reliability' } })
      expect(tag.slug).toBe('site-reliability')
    })

    it('keeps a hand-written slug and refuses an invalid one, naming the field', async () => {
      const post = await payload.create({ collection: 'posts', data: { title: 'Anything', slug: 'my-own-slug' } })
      expect(post.slug).toBe('my-own-slug')
      await expect(
        payload.create({ collection: 'posts', data: { title: 'Bad', slug: 'Not A Slug' } }),
      ).rejects.toMatchObject({
        data: { errors: [expect.objectContaining({ path: 'slug' })] },
      })
    })

    it('refuses an explicit slug that is already taken', async () => {
      await payload.create({ collection: 'posts', data: { title: 'One', slug: 'taken-slug' } })
      await expect(
        payload.create({ collection: 'posts', data: { title: 'Two', slug: 'taken-slug' } }),
      ).rejects.toThrow()
      const { totalDocs } = await payload.count({ collection: 'posts', where: { slug: { equals: 'taken-slug' } } })
      expect(totalDocs).toBe(1)
    })

    it('hides drafts from anonymous readers and shows them to editors', async () => {
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Secret draft', _status: 'draft' },
        draft: true,
      })
      const published = await payload.create({
        collection: 'posts',
        data: { title: 'Public post', _status: 'published' },
      })
      const anonymous = await payload.find({ collection: 'posts', overrideAccess: false, limit: 100 })
      const anonymousIds = anonymous.docs.map((doc) => doc.id)
      expect(anonymousIds).toContain(published.id)
      expect(anonymousIds).not.toContain(draft.id)
      await expect(payload.findByID({ collection: 'posts', id: draft.id, overrideAccess: false })).rejects.toThrow()

      const editor = await createUser(payload, ['editor'])
      const asEditor = await payload.find({
        collection: 'posts',
        user: editor,
        overrideAccess: false,
        draft: true,
        limit: 100,
      })
      expect(asEditor.docs.map((doc) => doc.id)).toContain(draft.id)
    })

    it('stamps publishedAt on first publish and keeps it afterwards', async () => {
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Soon', _status: 'draft' },
        draft: true,
      })
      expect(draft.publishedAt ?? null).toBeNull()
      const published = await payload.update({ collection: 'posts', id: draft.id, data: { _status: 'published' } })
      expect(published.publishedAt).toEqual(expect.any(String))
      const edited = await payload.update({
        collection: 'posts',
        id: draft.id,
        data: { title: 'Soon, edited', _status: 'published' },
      })
      expect(edited.publishedAt).toBe(published.publishedAt)
    })

    it.each([['member'], ['operator']])('does not let a %s write posts or tags', async (role) => {
      const user = await createUser(payload, [role])
      await expect(
        payload.create({ collection: 'posts', data: { title: 'Nope' }, user, overrideAccess: false }),
      ).rejects.toThrow(/not allowed/i)
      await expect(
        payload.create({ collection: 'tags', data: { name: 'Nope' }, user, overrideAccess: false }),
      ).rejects.toThrow(/not allowed/i)
    })

    it('lets an editor write posts with tags', async () => {
      const editor = await createUser(payload, ['editor'])
      const tag = await payload.create({
        collection: 'tags',
        data: { name: 'Linux' },
        user: editor,
        overrideAccess: false,
      })
      const post = await payload.create({
        collection: 'posts',
        data: { title: 'cgroups v2', tags: [tag.id], _status: 'published' },
        user: editor,
        overrideAccess: false,
      })
      expect(post.tags).toEqual([expect.objectContaining({ id: tag.id, slug: 'linux' })])
    })
  })

  describe('media', () => {
    const png = () =>
      sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#336699' } })
        .png()
        .toBuffer()

    it('requires alt text', async () => {
      const data = await png()
      await expect(
        payload.create({
          collection: 'media',
          data: {} as never,
          file: { data, mimetype: 'image/png', name: 'no-alt.png', size: data.length },
        }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'alt' })] } })
    })

    it('stores an upload with thumbnail and 1200×630 social sizes', async () => {
      const data = await png()
      const media = await payload.create({
        collection: 'media',
        data: { alt: 'A blue rectangle' },
        file: { data, mimetype: 'image/png', name: 'blue.png', size: data.length },
      })
      expect(media.width).toBe(1600)
      expect(media.sizes?.thumbnail).toMatchObject({ width: 400, height: 300 })
      expect(media.sizes?.social).toMatchObject({ width: 1200, height: 630 })
    })

    it('refuses uploads from members', async () => {
      const member = await createUser(payload, ['member'])
      const data = await png()
      await expect(
        payload.create({
          collection: 'media',
          data: { alt: 'x' },
          file: { data, mimetype: 'image/png', name: 'm.png', size: data.length },
          user: member,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/not allowed/i)
    })
  })
})
