import type { Payload } from 'payload'

import { findRelatedPosts } from '../../collections/blog/Posts/relatedPosts'
import { devlogOptions } from '../../collections/options'
import { codeBlock, doc, embed, footnote, heading, paragraph, table, text } from '../helpers/lexical'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

type Id = number | string

describe.each(databaseKinds())('the blog on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  let admin: Awaited<ReturnType<typeof createUser>>

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    admin = await createUser(payload, ['admin'])
  })
  afterAll(async () => {
    await ctx?.close()
  })

  const tag = (name: string) => payload.create({ collection: 'tags', data: { name } })
  const post = (data: Record<string, unknown>) =>
    payload.create({ collection: 'posts', data: { _status: 'published', ...data } as never, user: admin })

  describe('derived content', () => {
    it('stores HTML, table of contents, reading time, word count and a generated excerpt', async () => {
      const created = await post({
        title: 'OOMKilled 추적기',
        content: doc(
          paragraph(text('메모리 한도를 넘긴 Pod이 어떻게 종료되는지 따라가 본다.')),
          heading('h2', '관찰'),
          paragraph(
            text('cgroup'),
            footnote('control group: 프로세스 자원을 묶어 제한하는 커널 기능.'),
            text('의 memory.max를 본다.'),
          ),
          codeBlock('yaml', 'resources:\n  limits:\n    memory: 512Mi', {
            filename: 'deployment.yaml',
            highlightLines: '3',
          }),
          table([
            ['항목', '값'],
            ['limit', '512Mi'],
          ]),
        ),
      })
      expect(created.excerpt).toBe('메모리 한도를 넘긴 Pod이 어떻게 종료되는지 따라가 본다.')
      expect(created.toc).toEqual([{ id: '관찰', text: '관찰', level: 2, children: [] }])
      expect(created.contentHtml).toContain('<h2 id="관찰">관찰</h2>')
      expect(created.contentHtml).toContain('<code class="language-yaml">')
      expect(created.contentHtml).toContain('data-filename="deployment.yaml" data-highlight-lines="3"')
      expect(created.contentHtml).toContain('<section class="footnotes">')
      expect(created.contentHtml).toMatch(/<table[^>]*>/)
      expect(created.readingTime).toBe(1)
      expect(created.wordCount).toBeGreaterThan(40)
      expect(created.meta).toMatchObject({ title: 'OOMKilled 추적기 · Devlog', description: created.excerpt })
    })

    it('keeps an excerpt the author wrote and re-derives on update', async () => {
      const created = await post({
        title: 'Excerpt kept',
        excerpt: 'Hand written.',
        content: doc(paragraph(text('First.'))),
      })
      expect(created.excerpt).toBe('Hand written.')
      const updated = await payload.update({
        collection: 'posts',
        id: created.id,
        data: { content: doc(heading('h2', 'New section'), paragraph(text('Second.'))) as never },
      })
      expect(updated.toc).toEqual([{ id: 'new-section', text: 'New section', level: 2, children: [] }])
      expect(updated.excerpt).toBe('Hand written.')
    })
  })

  describe('markdown', () => {
    it('turns fenced code into code blocks with language, file name and highlighted lines', async () => {
      const { markdownToLexical } = await import('../../collections/shared/richtext/markdown')
      const state = markdownToLexical(
        payload,
        'posts',
        'content',
        '# 제목\n\n본문\n\n```yml title="values.yaml" {2}\nreplicas: 3\nimage: nginx\n```\n',
      )
      const nodes = state.root.children as unknown as { type: string; fields: Record<string, unknown> }[]
      const code = nodes.find((node) => node.type === 'block')!
      expect(code.fields).toMatchObject({
        blockType: 'code',
        language: 'yaml',
        code: 'replicas: 3\nimage: nginx',
        filename: 'values.yaml',
        highlightLines: '2',
      })
      const created = await post({ title: 'From markdown', content: state })
      expect(created.contentHtml).toContain('<code class="language-yaml">replicas: 3\nimage: nginx</code>')
    })
  })

  describe('validation', () => {
    it('refuses an embed from a host outside the allow-list, naming the field', async () => {
      await expect(
        post({ title: 'Bad embed', content: doc(embed('https://evil.example.com/frame')) }),
      ).rejects.toMatchObject({
        status: 400,
        data: {
          errors: expect.arrayContaining([
            expect.objectContaining({
              path: 'content.url',
              message: expect.stringMatching(/evil\.example\.com are not allowed/),
            }),
          ]),
        },
      })
    })

    it('refuses an unknown tag id with a 400 naming the field, storing nothing', async () => {
      const before = await payload.count({ collection: 'posts' })
      const unknown = kind === 'sqlite' ? 999999 : '64b7f0c2a1b2c3d4e5f60718'
      await expect(post({ title: 'Unknown tag', tags: [unknown] })).rejects.toMatchObject({
        status: 400,
        data: { errors: [expect.objectContaining({ path: 'tags' })] },
      })
      expect((await payload.count({ collection: 'posts' })).totalDocs).toBe(before.totalDocs)
    })

    it('keeps related ids to what the field allows: no post related to itself, one unknown id among known ones named', async () => {
      const tag = await payload.create({ collection: 'tags', data: { name: 'Known tag' } })
      const unknown = kind === 'sqlite' ? 999998 : '64b7f0c2a1b2c3d4e5f60719'
      await expect(post({ title: 'One unknown', tags: [tag.id, unknown] })).rejects.toMatchObject({
        status: 400,
        data: {
          errors: [expect.objectContaining({ path: 'tags', message: expect.stringContaining(String(unknown)) })],
        },
      })
      const created = await post({ title: 'Related to others', tags: [tag.id] })
      await expect(
        payload.update({ collection: 'posts', id: created.id, data: { relatedPosts: [created.id] } }),
      ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'relatedPosts' })] } })
    })

    it('refuses bad highlighted lines, colours and canonical URLs', async () => {
      await expect(
        post({ title: 'Bad lines', content: doc(codeBlock('bash', 'ls', { highlightLines: '5-3' })) }),
      ).rejects.toMatchObject({ status: 400 })
      await expect(
        payload.create({ collection: 'tags', data: { name: 'Bad colour', colour: 'blue' } }),
      ).rejects.toMatchObject({
        data: { errors: [expect.objectContaining({ path: 'colour' })] },
      })
      await expect(post({ title: 'Bad canonical', canonicalUrl: 'example.com/x' })).rejects.toMatchObject({
        data: { errors: [expect.objectContaining({ path: 'canonicalUrl' })] },
      })
    })
  })

  describe('SEO meta derived from the post', () => {
    it('follows the title and excerpt until an editor writes their own', async () => {
      const created = await post({ title: 'First title', excerpt: 'First summary.' })
      expect(created.meta).toMatchObject({ title: 'First title · Devlog', description: 'First summary.' })
      const renamed = await payload.update({
        collection: 'posts',
        id: created.id,
        data: { title: 'Second title', excerpt: 'Second summary.' },
        user: admin,
      })
      expect(renamed.meta).toMatchObject({ title: 'Second title · Devlog', description: 'Second summary.' })
      const custom = await payload.update({
        collection: 'posts',
        id: created.id,
        data: { meta: { title: 'A title written for search engines', description: 'Written by hand.' } },
        user: admin,
      })
      const renamedAgain = await payload.update({
        collection: 'posts',
        id: custom.id,
        data: { title: 'Third title', excerpt: 'Third summary.' },
        user: admin,
      })
      expect(renamedAgain.meta).toMatchObject({
        title: 'A title written for search engines',
        description: 'Written by hand.',
      })
    })

    it('replaces the bare site title a draft saved before its title was written got', async () => {
      const created = await post({ title: 'Titled later', meta: { title: 'Devlog' } })
      expect(created.meta?.title).toBe('Titled later · Devlog')
    })
  })

  describe('slugs across drafts and published posts', () => {
    const draft = (data: Record<string, unknown>) =>
      payload.create({ collection: 'posts', data: data as never, draft: true, user: admin })
    const saveDraft = (id: Id, data: Record<string, unknown>) =>
      payload.update({ collection: 'posts', id, data: data as never, draft: true, user: admin })

    it('gives a new draft a free slug when a published post and another draft hold the title’s', async () => {
      const published = await post({ title: '쿠버네티스 운영 회고' })
      const first = await draft({ title: '쿠버네티스 운영 회고' })
      const second = await draft({ title: '쿠버네티스 운영 회고' })
      expect([published.slug, first.slug, second.slug]).toEqual([
        '쿠버네티스-운영-회고',
        '쿠버네티스-운영-회고-2',
        '쿠버네티스-운영-회고-3',
      ])
    })

    it('counts a draft saved over a published post, which lives only in its versions', async () => {
      const original = await post({ title: 'Original title' })
      // The draft renames the post; its own row keeps the published title and slug.
      await saveDraft(original.id, { title: 'Renamed in a draft', slug: 'renamed-in-a-draft' })
      expect((await payload.findByID({ collection: 'posts', id: original.id })).slug).toBe('original-title')
      const other = await draft({ title: 'Renamed in a draft' })
      expect(other.slug).toBe('renamed-in-a-draft-2')
    })

    it('refuses a hand-written slug another draft or post holds, naming the field', async () => {
      const holder = await draft({ title: 'Holder of a slug', slug: 'taken-slug' })
      await expect(draft({ title: 'Someone else', slug: 'taken-slug' })).rejects.toMatchObject({
        status: 400,
        data: { errors: [expect.objectContaining({ path: 'slug', message: expect.stringContaining('taken-slug') })] },
      })
      // The holder keeps saving its own slug.
      expect((await saveDraft(holder.id, { title: 'Holder, edited', slug: 'taken-slug' })).slug).toBe('taken-slug')
    })

    it('frees a slug once the draft that held it is published under another', async () => {
      const mover = await draft({ title: 'Moving draft', slug: 'slug-left-behind' })
      await payload.update({
        collection: 'posts',
        id: mover.id,
        data: { slug: 'slug-moved-to', _status: 'published' },
        user: admin,
      })
      // Only an older version of the mover still has the first slug.
      expect((await draft({ title: 'Newcomer', slug: 'slug-left-behind' })).slug).toBe('slug-left-behind')
      await expect(draft({ title: 'Another', slug: 'slug-moved-to' })).rejects.toMatchObject({ status: 400 })
    })

    it('validates drafts like posts, so no untitled empty draft is stored', async () => {
      const before = (await payload.count({ collection: 'posts' })).totalDocs
      await expect(draft({})).rejects.toMatchObject({
        status: 400,
        data: { errors: expect.arrayContaining([expect.objectContaining({ path: 'title' })]) },
      })
      expect((await payload.count({ collection: 'posts' })).totalDocs).toBe(before)
    })
  })

  describe('slug history', () => {
    it('remembers the former slug of a published post', async () => {
      const created = await post({ title: '처음 제목' })
      expect(created.slug).toBe('처음-제목')
      const renamed = await payload.update({ collection: 'posts', id: created.id, data: { slug: '바뀐-제목' } })
      expect(renamed.previousSlugs).toEqual(['처음-제목'])
      const { docs } = await payload.find({ collection: 'posts', where: { previousSlugs: { equals: '처음-제목' } } })
      expect(docs.map((found) => found.id)).toEqual([created.id])
    })

    it('does not keep slugs of a post that was never published', async () => {
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Draft name', _status: 'draft' },
        draft: true,
      })
      const renamed = await payload.update({
        collection: 'posts',
        id: draft.id,
        data: { slug: 'better-name' },
        draft: true,
      })
      expect(renamed.previousSlugs ?? []).toEqual([])
    })
  })

  describe('scheduled publishing', () => {
    it('publishes a draft when its job runs, and not before it is due', async () => {
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Scheduled', _status: 'draft' },
        draft: true,
      })
      const later = await payload.create({
        collection: 'posts',
        data: { title: 'Scheduled later', _status: 'draft' },
        draft: true,
      })
      const queue = (id: Id, waitUntil: Date) =>
        payload.jobs.queue({
          task: 'schedulePublish',
          input: { type: 'publish', doc: { relationTo: 'posts', value: id as number } },
          waitUntil,
        })
      await queue(draft.id, new Date(Date.now() - 1000))
      await queue(later.id, new Date(Date.now() + 3_600_000))

      await payload.jobs.run({ queue: 'default' })

      const published = await payload.findByID({ collection: 'posts', id: draft.id })
      expect(published._status).toBe('published')
      expect(published.publishedAt).toEqual(expect.any(String))
      const anonymous = await payload.find({
        collection: 'posts',
        where: { id: { equals: draft.id } },
        overrideAccess: false,
      })
      expect(anonymous.totalDocs).toBe(1)
      expect((await payload.findByID({ collection: 'posts', id: later.id, draft: true }))._status).toBe('draft')
    })
  })

  describe('tags', () => {
    it('counts published posts per tag as posts are published, unpublished and deleted', async () => {
      const counted = await tag('Counted')
      const a = await post({ title: 'Counted A', tags: [counted.id] })
      await post({ title: 'Counted B', tags: [counted.id] })
      expect((await payload.findByID({ collection: 'tags', id: counted.id })).postCount).toBe(2)
      await payload.update({ collection: 'posts', id: a.id, data: { _status: 'draft' } })
      expect((await payload.findByID({ collection: 'tags', id: counted.id })).postCount).toBe(1)
      await payload.delete({ collection: 'posts', id: a.id })
      expect((await payload.findByID({ collection: 'tags', id: counted.id })).postCount).toBe(1)
    })

    it('keeps each tag’s count as posts are created as drafts, re-tagged, saved as drafts and republished', async () => {
      const [first, second] = [await tag('Count first'), await tag('Count second')]
      const counts = async () =>
        Promise.all(
          [first, second].map(async ({ id }) => (await payload.findByID({ collection: 'tags', id })).postCount),
        )
      // Created published, with a tag named twice: counted once per tag.
      const published = await post({ title: 'Count published', tags: [first.id, first.id, second.id] })
      expect(await counts()).toEqual([1, 1])
      // Created as a draft: not counted.
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Count draft', tags: [first.id, second.id], _status: 'draft' },
        draft: true,
      })
      expect(await counts()).toEqual([1, 1])
      // A change to neither tags nor status leaves the counts as they are.
      await payload.update({ collection: 'posts', id: published.id, data: { excerpt: 'Edited.' } })
      expect(await counts()).toEqual([1, 1])
      // Re-tagged: the tag it left loses it, the one it kept keeps it.
      await payload.update({ collection: 'posts', id: published.id, data: { tags: [second.id] } })
      expect(await counts()).toEqual([0, 1])
      // A draft of the published post with other tags: the published post still has its own.
      await payload.update({ collection: 'posts', id: published.id, data: { tags: [first.id] }, draft: true })
      expect(await counts()).toEqual([0, 1])
      // Publishing that draft moves the post, and publishing the other draft adds one to both.
      await payload.update({ collection: 'posts', id: published.id, data: { _status: 'published' } })
      expect(await counts()).toEqual([1, 0])
      await payload.update({ collection: 'posts', id: draft.id, data: { _status: 'published' } })
      expect(await counts()).toEqual([2, 1])
    })

    it('lists a tag’s published posts through its join', async () => {
      const joined = await tag('Joined')
      const published = await post({ title: 'Joined published', tags: [joined.id] })
      await payload.create({
        collection: 'posts',
        data: { title: 'Joined draft', tags: [joined.id], _status: 'draft' },
        draft: true,
      })
      const read = await payload.findByID({ collection: 'tags', id: joined.id, overrideAccess: false })
      expect(read.posts?.docs?.map((entry) => (typeof entry === 'object' ? entry.id : entry))).toEqual([published.id])
    })

    it('refuses to delete a tag in use and deletes an unused one', async () => {
      const used = await tag('Used')
      await post({ title: 'Uses a tag', tags: [used.id] })
      await expect(payload.delete({ collection: 'tags', id: used.id })).rejects.toMatchObject({ status: 409 })
      expect(await payload.findByID({ collection: 'tags', id: used.id })).toBeTruthy()
      const unused = await tag('Unused')
      await payload.delete({ collection: 'tags', id: unused.id })
      expect(await payload.findByID({ collection: 'tags', id: unused.id, disableErrors: true })).toBeNull()
    })

    it('merges a tag into another: posts and drafts re-tagged, old tag gone', async () => {
      const { mergeTag } = await import('../../collections/blog/Tags/mergeTag')
      const { createLocalReq } = await import('payload')
      const from = await tag('k8s')
      const into = await tag('Kubernetes (merged)')
      const both = await post({ title: 'Has both', tags: [from.id, into.id] })
      const only = await post({ title: 'Has old', tags: [from.id] })
      const draft = await payload.create({
        collection: 'posts',
        data: { title: 'Draft with old', tags: [from.id], _status: 'draft' },
        draft: true,
      })

      const result = await mergeTag(await createLocalReq({ user: admin as never }, payload), from.id, into.id)
      expect(result.movedPosts).toBe(3)

      const tagIds = async (id: Id) =>
        ((await payload.findByID({ collection: 'posts', id, depth: 0, draft: true })).tags ?? []).map(String)
      expect(await tagIds(both.id)).toEqual([String(into.id)])
      expect(await tagIds(only.id)).toEqual([String(into.id)])
      expect(await tagIds(draft.id)).toEqual([String(into.id)])
      expect(await payload.findByID({ collection: 'tags', id: from.id, disableErrors: true })).toBeNull()
      expect((await payload.findByID({ collection: 'tags', id: into.id })).postCount).toBe(2)
    })

    it('merges all or nothing: a post that cannot be saved leaves every post and the tag as they were', async () => {
      const { mergeTag } = await import('../../collections/blog/Tags/mergeTag')
      const { createLocalReq } = await import('payload')
      const from = await tag('old-monitoring')
      const into = await tag('Monitoring')
      const fine = await post({ title: 'Merges fine', tags: [from.id] })
      const { embedHosts } = devlogOptions(payload.config)
      embedHosts.push('grafana.example.com')
      const blocked = await post({
        title: 'Cannot be saved later',
        tags: [from.id],
        content: doc(embed('https://grafana.example.com/d/1')),
      })
      embedHosts.pop()

      await expect(
        mergeTag(await createLocalReq({ user: admin as never }, payload), from.id, into.id),
      ).rejects.toMatchObject({ status: 400 })

      for (const id of [fine.id, blocked.id]) {
        const stored = await payload.findByID({ collection: 'posts', id, depth: 0 })
        expect((stored.tags ?? []).map(String)).toEqual([String(from.id)])
      }
      expect(await payload.findByID({ collection: 'tags', id: from.id })).toBeTruthy()
    })
  })

  describe('series', () => {
    it('gives each post of a series its previous and next post, in series order', async () => {
      const series = await payload.create({ collection: 'series', data: { title: 'Kubernetes 운영 일지' } })
      expect(series.slug).toBe('kubernetes-운영-일지')
      const second = await post({ title: 'Part 2', series: series.id, seriesOrder: 2 })
      const first = await post({ title: 'Part 1', series: series.id, seriesOrder: 1 })
      const third = await post({ title: 'Part 3', series: series.id, seriesOrder: 3 })

      const middle = await payload.findByID({ collection: 'posts', id: second.id, overrideAccess: false })
      expect(middle.seriesNavigation).toEqual({
        position: 2,
        total: 3,
        previous: { id: first.id, title: 'Part 1', slug: 'part-1' },
        next: { id: third.id, title: 'Part 3', slug: 'part-3' },
      })
      const read = await payload.findByID({ collection: 'series', id: series.id })
      expect(read.posts?.docs?.map((entry) => (typeof entry === 'object' ? entry.id : entry))).toEqual([
        first.id,
        second.id,
        third.id,
      ])
      const outside = await post({ title: 'Not in a series' })
      expect((await payload.findByID({ collection: 'posts', id: outside.id })).seriesNavigation).toBeNull()
    })
  })

  describe('related posts', () => {
    it('puts hand-picked posts first, then most shared tags, then newest', async () => {
      const [a, b, c] = [await tag('rel-a'), await tag('rel-b'), await tag('rel-c')]
      const oneOld = await post({ title: 'One shared, old', tags: [a.id], publishedAt: '2024-01-01T00:00:00.000Z' })
      const oneNew = await post({ title: 'One shared, new', tags: [b.id], publishedAt: '2025-06-01T00:00:00.000Z' })
      const two = await post({ title: 'Two shared', tags: [a.id, b.id], publishedAt: '2023-01-01T00:00:00.000Z' })
      const picked = await post({ title: 'Hand-picked', publishedAt: '2020-01-01T00:00:00.000Z' })
      await payload.create({
        collection: 'posts',
        data: { title: 'Draft, shares all', tags: [a.id, b.id, c.id], _status: 'draft' },
        draft: true,
      })
      const subject = await post({ title: 'Subject', tags: [a.id, b.id, c.id], relatedPosts: [picked.id] })

      const { createLocalReq } = await import('payload')
      const related = await findRelatedPosts(payload, await createLocalReq({}, payload), subject.id, 10)
      expect(related.map((entry) => entry.title)).toEqual([
        'Hand-picked',
        'Two shared',
        'One shared, new',
        'One shared, old',
      ])
      expect(related[0]).toMatchObject({ handPicked: true, id: picked.id })
      expect(related[1]).toMatchObject({ sharedTags: 2, id: two.id })
      expect(related.map((entry) => entry.id)).toEqual([picked.id, two.id, oneNew.id, oneOld.id])
      const limited = await findRelatedPosts(payload, await createLocalReq({}, payload), subject.id, 2)
      expect(limited.map((entry) => entry.title)).toEqual(['Hand-picked', 'Two shared'])
    })
  })

  describe('authors', () => {
    it('shows authors’ public profiles, never their emails or roles, to anonymous readers', async () => {
      const editor = await createUser(payload, ['editor'])
      await payload.update({ collection: 'users', id: editor.id, data: { name: '김데브', bio: '인프라 엔지니어' } })
      const created = await payload.create({
        collection: 'posts',
        data: { title: 'Authored', _status: 'published' },
        user: editor,
      })
      expect(created.authors?.map((author) => (typeof author === 'object' ? author.id : author))).toEqual([editor.id])

      const read = await payload.findByID({ collection: 'posts', id: created.id, depth: 1, overrideAccess: false })
      const author = read.authors?.[0]
      expect(author).toMatchObject({ name: '김데브', bio: '인프라 엔지니어' })
      expect(typeof author === 'object' && author).not.toHaveProperty('email')
      expect(typeof author === 'object' && author).not.toHaveProperty('roles')
    })
  })
})
