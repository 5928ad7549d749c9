import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { exportMarkdown } from '../../collections/transfer/exporter'
import { importWriting, type ImportReport } from '../../collections/transfer/importer'
import { callout, doc, nodesOf, paragraph, text } from '../helpers/lexical'
import { root } from '../helpers/server'
import { databaseKinds, itWithTransactions, startTestPayload, type TestPayload } from '../helpers/payload'

const FIXTURES = path.join(root, 'tests/fixtures/import')

/** A copy of the fixtures the test may change. */
function copyFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-import-'))
  fs.cpSync(FIXTURES, dir, { recursive: true })
  return dir
}

const outcome = (report: ImportReport, file: string) => report.outcomes.find((entry) => entry.file === file)

async function documents(payload: Payload) {
  const options = { pagination: false, depth: 1, overrideAccess: true, sort: 'slug' } as const
  return {
    posts: (await payload.find({ collection: 'posts', ...options })).docs,
    retrospectives: (await payload.find({ collection: 'retrospectives', ...options })).docs,
  }
}

describe.each(databaseKinds())('on %s', (kind) => {
  describe('importing Markdown and Notion exports', () => {
    let test: TestPayload
    let first: ImportReport
    let folder: string

    beforeAll(async () => {
      test = await startTestPayload(kind)
      folder = copyFixtures()
      first = await importWriting(test.payload, folder)
    })
    afterAll(async () => {
      await test?.close()
      fs.rmSync(folder, { recursive: true, force: true })
    })

    it('imports every good file and reports the broken one with its line, without stopping', () => {
      expect(first.counts).toEqual({ created: 7, updated: 0, skipped: 0, failed: 1 })
      expect(outcome(first, 'broken/unclosed-quote.md')).toMatchObject({
        action: 'failed',
        reason: expect.stringMatching(/^front matter line \d+: Missing closing "quote$/),
      })
      expect(outcome(first, 'broken/neighbour.md')).toMatchObject({ action: 'created', collection: 'posts' })
    })

    it('keeps front matter: title, slug, date, tags, excerpt, canonical URL, draft', async () => {
      const { posts } = await documents(test.payload)
      const probes = posts.find((post) => post.slug === 'kubernetes-probes')!
      expect(probes).toMatchObject({
        title: '쿠버네티스 Probe 제대로 쓰기: liveness, readiness, startup',
        publishedAt: '2024-03-08T15:00:00.000Z',
        excerpt: '세 가지 probe가 각각 언제 실패해야 하는지, 그리고 흔한 실수.',
        canonicalUrl: 'https://velog.io/@devlog/kubernetes-probes',
        _status: 'published',
      })
      expect((probes.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['Kubernetes', '운영', 'SRE'])
      const terraform = posts.find((post) => post.slug === 'moving-terraform-state-without-downtime')!
      expect(terraform._status).toBe('draft')
      expect(terraform.publishedAt).toBe('2023-11-02T12:30:00.000Z')
    })

    it('converts headings, tables, quotes, lists, links and code fences with their language', async () => {
      const { posts } = await documents(test.payload)
      const nodes = nodesOf(posts.find((post) => post.slug === 'kubernetes-probes')!.content)
      expect(nodes.filter((node) => node.type === 'heading').map((node) => node.tag)).toEqual(['h1', 'h2'])
      expect(nodes.some((node) => node.type === 'table')).toBe(true)
      expect(nodes.filter((node) => node.type === 'tablerow')).toHaveLength(4)
      expect(nodes.some((node) => node.type === 'quote')).toBe(true)
      expect(nodes.find((node) => node.type === 'list')).toMatchObject({ listType: 'bullet' })
      expect(nodes.find((node) => node.type === 'link')).toMatchObject({
        fields: { url: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/' },
      })
      const code = nodes.filter((node) => node.type === 'block').map((node) => node.fields as Record<string, string>)
      expect(code.map((fields) => [fields.blockType, fields.language])).toEqual([
        ['code', 'yaml'],
        ['code', 'go'],
      ])
      expect(code[1].code).toContain('w.WriteHeader(http.StatusOK)')
    })

    it('uploads local images to media and links them; keeps remote images as links and code as written', async () => {
      const { posts } = await documents(test.payload)
      const probes = posts.find((post) => post.slug === 'kubernetes-probes')!
      const nodes = nodesOf(probes.content)
      const upload = nodes.find((node) => node.type === 'upload') as unknown as {
        value: { id: number; filename: string; alt: string }
      }
      expect(upload.value.alt).toBe('probe 흐름도')
      expect(upload.value.filename).toMatch(/^[0-9a-f]{12}-probe-flow\.png$/)
      const staticDir = test.payload.collections.media.config.upload.staticDir!
      expect(fs.existsSync(path.join(staticDir, upload.value.filename))).toBe(true)
      expect(
        nodes.find((node) => node.type === 'link' && (node.fields as { url: string }).url.endsWith('probes.png')),
      ).toBeTruthy()
      expect(probes.contentHtml).toContain('<code>![not an image](nowhere.png)</code>')
    })

    it('makes retrospectives of what says so, with the period from the title and sections from ## headings', async () => {
      const { retrospectives } = await documents(test.payload)
      const bySlug: Record<string, (typeof retrospectives)[number]> = Object.fromEntries(
        retrospectives.map((doc) => [doc.slug, doc]),
      )
      expect(bySlug['2021-1-4분기-회고'].period).toMatchObject({ kind: 'quarter', year: 2021, index: 1 })
      expect(bySlug['2023-상반기-회고'].period).toMatchObject({ kind: 'half', year: 2023, index: 1 })
      expect(bySlug['2024-회고'].period).toMatchObject({ kind: 'year', year: 2024 })
      expect(bySlug['2023-상반기-회고'].sections!.map((section) => section.heading)).toEqual([
        '잘한 것',
        '아쉬운 것',
        '다음 반기',
      ])
      expect(bySlug['2024-회고'].sections!.map((section) => section.heading)).toEqual(['개요', '커리어'])
      expect(bySlug['2023-상반기-회고'].goals!.map((goal) => [goal.text, goal.status, goal.note ?? null])).toEqual([
        ['CKA 자격증 취득', 'achieved', null],
        ['블로그 글 12편', 'missed', '8편에서 멈춤'],
      ])
      expect((bySlug['2023-상반기-회고'].goals![0].area as { slug: string }).slug).toBe('learning')
      expect(bySlug['2023-상반기-회고'].principles!.map((principle) => principle.text)).toEqual([
        '기록하지 않은 일은 하지 않은 일이다',
      ])
    })

    it("reads Notion's export: properties with odd spacing, its image folder, and its file names", async () => {
      const { posts, retrospectives } = await documents(test.payload)
      const quarter = retrospectives.find((doc) => doc.slug === '2021-1-4분기-회고')!
      expect(quarter.publishedAt).toBe('2021-03-31T15:00:00.000Z')
      expect((quarter.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['Retrospective', '일상'])
      const upload = nodesOf(quarter.sections![0].body).find((node) => node.type === 'upload') as unknown as {
        value: { filename: string }
      }
      expect(upload.value.filename).toMatch(/^[0-9a-f]{12}-스크린샷-2021-03-31\.png$/)
      const terraform = posts.find((post) => post.slug === 'terraform-모듈-정리')!
      expect(terraform.publishedAt).toBe('2021-04-01T06:00:00.000Z')
      // "iac" found the tag "IaC" created by another file rather than making a second one.
      expect((terraform.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['terraform', 'IaC'])
      expect(outcome(first, 'notion/Terraform 모듈 정리 fedcba9876543210fedcba9876543210.md')).toMatchObject({
        action: 'created',
        warnings: [],
      })
    })

    it('skips unchanged files on a second run and updates a changed one in place', async () => {
      const before = await documents(test.payload)
      const again = await importWriting(test.payload, folder)
      expect(again.counts).toEqual({ created: 0, updated: 0, skipped: 7, failed: 1 })

      const file = path.join(folder, 'blog/kubernetes-probes.md')
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('## 세 가지 probe', '## 세 가지 probe (개정)'))
      const changed = await importWriting(test.payload, path.join(folder, 'blog'))
      expect(changed.counts).toEqual({ created: 0, updated: 1, skipped: 3, failed: 0 })

      const after = await documents(test.payload)
      expect(after.posts.map((post) => post.id)).toEqual(before.posts.map((post) => post.id))
      const probes = after.posts.find((post) => post.slug === 'kubernetes-probes')!
      expect(probes.contentHtml).toContain('세 가지 probe (개정)')
      const { totalDocs: media } = await test.payload.count({ collection: 'media', overrideAccess: true })
      expect(media).toBe(2)
      const { totalDocs: tags } = await test.payload.count({
        collection: 'tags',
        where: { name: { equals: 'Kubernetes' } },
        overrideAccess: true,
      })
      expect(tags).toBe(1)
    })
  })

  describe('import safety', () => {
    let test: TestPayload
    let folder: string

    beforeEach(async () => {
      test = await startTestPayload(kind)
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-import-safety-'))
    })
    afterEach(async () => {
      await test?.close()
      fs.rmSync(folder, { recursive: true, force: true })
    })

    const counts = async (payload: Payload) => ({
      posts: (await payload.count({ collection: 'posts', overrideAccess: true })).totalDocs,
      retrospectives: (await payload.count({ collection: 'retrospectives', overrideAccess: true })).totalDocs,
      tags: (await payload.count({ collection: 'tags', overrideAccess: true })).totalDocs,
      media: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
    })

    it('writes nothing in a dry run, and says what it would do', async () => {
      const report = await importWriting(test.payload, FIXTURES, { dryRun: true })
      expect(report.dryRun).toBe(true)
      expect(report.counts).toEqual({ created: 7, updated: 0, skipped: 0, failed: 1 })
      expect(await counts(test.payload)).toEqual({ posts: 0, retrospectives: 0, tags: 0, media: 0 })
    })

    itWithTransactions(kind)(
      'meets in a dry run every refusal the real run meets: a period published before or earlier in the run',
      async () => {
        await test.payload.create({
          collection: 'retrospectives',
          data: { period: { kind: 'year', year: 2023 }, _status: 'published' },
          overrideAccess: true,
        })
        fs.cpSync(path.join(FIXTURES, 'blog/images'), path.join(folder, 'images'), { recursive: true })
        fs.writeFileSync(path.join(folder, 'a.md'), '---\ntitle: 2023 회고\nperiod: "2023"\n---\n\n## 다시\n\n썼다.\n')
        fs.writeFileSync(path.join(folder, 'b.md'), '---\ntitle: 2024 회고\ntags: [회고]\n---\n\n## 한 해\n\n좋았다.\n')
        fs.writeFileSync(
          path.join(folder, 'c.md'),
          '---\ntitle: 2024년 회고 (다시)\nperiod: "2024"\n---\n\n## 또\n\n![그림](images/probe-flow.png)\n',
        )
        const staticDir = test.payload.collections.media.config.upload.staticDir!
        const before = await counts(test.payload)
        const dry = await importWriting(test.payload, folder, { dryRun: true })
        expect(dry).toMatchObject({ dryRun: true, rehearsed: true })
        expect(dry.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 2 })
        expect(outcome(dry, 'a.md')?.reason).toMatch(/period/i)
        expect(outcome(dry, 'c.md')?.reason).toMatch(/period/i)
        expect(await counts(test.payload)).toEqual(before)
        expect(fs.existsSync(staticDir) ? fs.readdirSync(staticDir) : []).toEqual([])

        const real = await importWriting(test.payload, folder)
        expect(real.counts).toEqual(dry.counts)
        expect(real.outcomes.map(({ file, action }) => ({ file, action }))).toEqual(
          dry.outcomes.map(({ file, action }) => ({ file, action })),
        )
      },
    )

    itWithTransactions(kind)(
      'leaves nothing of a file that fails while it is written: no document, tag or image',
      async () => {
        fs.cpSync(path.join(FIXTURES, 'blog/images'), path.join(folder, 'images'), { recursive: true })
        fs.writeFileSync(path.join(folder, 'a.md'), '---\ntitle: 2024 회고\ntags: [회고]\n---\n\n## 한 해\n\n좋았다.\n')
        // The same period published twice: the collection refuses the second one while saving it.
        fs.writeFileSync(
          path.join(folder, 'b.md'),
          '---\ntitle: 2024년 회고 (다시)\nperiod: "2024"\ntags: [새 태그]\n---\n\n## 다시\n\n![그림](images/probe-flow.png)\n',
        )
        const staticDir = test.payload.collections.media.config.upload.staticDir!
        const report = await importWriting(test.payload, folder)

        expect(report.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 1 })
        expect(outcome(report, 'b.md')?.reason).toMatch(/period/i)
        expect(await counts(test.payload)).toEqual({ posts: 0, retrospectives: 1, tags: 1, media: 0 })
        expect(fs.existsSync(staticDir) ? fs.readdirSync(staticDir) : []).toEqual([])
      },
    )

    it('warns about a goal area that does not exist and imports the goal without it', async () => {
      fs.writeFileSync(
        path.join(folder, 'r.md'),
        '---\ntitle: 2022 회고\ngoals:\n  - text: 달리기\n    area: marathon\n---\n\n## 한 해\n\n뛰었다.\n',
      )
      const report = await importWriting(test.payload, folder)
      expect(outcome(report, 'r.md')).toMatchObject({
        action: 'created',
        warnings: ['goals[1].area: no retrospective area "marathon"; left empty'],
      })
      const { docs } = await test.payload.find({ collection: 'retrospectives', depth: 0, overrideAccess: true })
      expect(docs[0].goals).toMatchObject([{ text: '달리기', status: 'planned', area: null }])
    })

    it('reads images only from inside the folder given, however a text names one outside it', async () => {
      const png = fs.readFileSync(path.join(FIXTURES, 'blog/images/probe-flow.png'))
      // A secret-looking image beside the folder, and one reached through a symbolic link inside it.
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-outside-'))
      try {
        fs.writeFileSync(path.join(outside, 'private.png'), png)
        fs.symlinkSync(outside, path.join(folder, 'linked'))
        fs.mkdirSync(path.join(folder, 'posts'))
        fs.writeFileSync(path.join(folder, 'posts', 'inside.png'), png)
        const absolute = path.join(outside, 'private.png')
        const relative = path.relative(path.join(folder, 'posts'), absolute)
        fs.writeFileSync(
          path.join(folder, 'posts', 'images.md'),
          `# Images\n\n![in](inside.png)\n\n![up](${relative})\n\n![abs](${absolute})\n\n![link](../linked/private.png)\n`,
        )
        fs.writeFileSync(path.join(folder, 'posts', 'cover.md'), `---\ntitle: Cover\ncover: ${relative}\n---\n\nbody\n`)
        const report = await importWriting(test.payload, folder)
        expect(outcome(report, 'posts/images.md')).toMatchObject({
          action: 'created',
          warnings: [
            `image ${relative}: outside the folder being imported; kept as a link`,
            `image ${absolute}: outside the folder being imported; kept as a link`,
            'image ../linked/private.png: outside the folder being imported; kept as a link',
          ],
        })
        expect(outcome(report, 'posts/cover.md')).toMatchObject({
          action: 'failed',
          reason: `cover: ${relative} is outside the folder being imported.`,
        })
        // Only the image inside the folder was uploaded.
        const { docs } = await test.payload.find({ collection: 'media', overrideAccess: true })
        expect(docs.map((doc) => doc.filename)).toEqual([expect.stringMatching(/inside\.png$/)])
      } finally {
        fs.rmSync(outside, { recursive: true, force: true })
      }
    })

    it('refuses two files that would share a slug, keeping the first', async () => {
      fs.writeFileSync(path.join(folder, 'a.md'), '# Same title\n\nfirst')
      fs.writeFileSync(path.join(folder, 'b.md'), '# Same title\n\nsecond')
      const report = await importWriting(test.payload, folder)
      expect(report.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 1 })
      expect(outcome(report, 'b.md')?.reason).toBe(
        'slug: "same-title" is also the slug of a.md; give one of them its own slug.',
      )
    })

    it('names the field of bad values: date, slug, status, collection, period', async () => {
      const files: Record<string, string> = {
        'date.md': '---\ntitle: A\ndate: someday\n---\n',
        'slug.md': '---\ntitle: B\nslug: Not A Slug!\n---\n',
        'status.md': '---\ntitle: C\nstatus: maybe\n---\n',
        'collection.md': '---\ntitle: D\ncollection: page\n---\n',
        'period.md': '---\ntitle: E\ncollection: retrospective\n---\n',
        'binary.md': '\u0000\u00ff',
      }
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text)
      fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]))
      const report = await importWriting(test.payload, folder)
      expect(Object.fromEntries(report.outcomes.map((entry) => [entry.file, entry.reason]))).toEqual({
        'binary.md': 'not UTF-8 text (nor EUC-KR): save it as UTF-8.',
        'collection.md': 'collection: "page" is neither post nor retrospective.',
        'date.md': 'date: "someday" is not a date (e.g. 2021-04-01).',
        'period.md':
          'period: a retrospective needs one (e.g. period: 2024-Q1) or a title naming it; give it with --period 2024 (or 2024-H1, 2024-Q3, 2024-03).',
        'slug.md': expect.stringMatching(/^slug: A slug may contain only/),
        'status.md': 'status: expected draft or published, got "maybe".',
      })
      expect(await counts(test.payload)).toEqual({ posts: 0, retrospectives: 0, tags: 0, media: 0 })
    })
  })

  describe(`export from SQLite, then import into an empty database on ${kind}`, () => {
    let source: TestPayload
    let target: TestPayload
    let exported: string

    beforeAll(async () => {
      // From the embedded default to the database under test: how a blog moves to MongoDB.
      source = await startTestPayload('sqlite')
      target = await startTestPayload(kind)
      exported = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-export-'))
    })
    afterAll(async () => {
      await source?.close()
      await target?.close()
      fs.rmSync(exported, { recursive: true, force: true })
    })

    /** What a reader sees of a document, with ids replaced by what they point at. */
    const comparable = (document: object) => {
      const doc = document as Record<string, unknown>
      const strip = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(strip)
        if (!value || typeof value !== 'object') return value
        const entries = Object.entries(value as Record<string, unknown>)
        // An upload node points at a media document whose id differs between the databases.
        if ('relationTo' in (value as object) && (value as { relationTo: string }).relationTo === 'media')
          return { relationTo: 'media', filename: (value as { value: { filename: string } }).value.filename }
        return Object.fromEntries(entries.filter(([key]) => key !== 'id').map(([key, inner]) => [key, strip(inner)]))
      }
      const name = (tag: unknown) => (tag as { name: string }).name
      return {
        title: doc.title,
        slug: doc.slug,
        status: doc._status,
        publishedAt: doc.publishedAt,
        excerpt: doc.excerpt,
        canonicalUrl: doc.canonicalUrl ?? null,
        tags: ((doc.tags as unknown[]) ?? []).map(name),
        period: doc.period ?? null,
        language: doc.language ?? null,
        content: strip(doc.content ?? null),
        contentHtml: doc.contentHtml,
        // An unset area is null on SQLite and absent on MongoDB: the same to a reader.
        sections: strip(
          (doc.sections as Array<Record<string, unknown>> | undefined)?.map((section) => ({
            ...section,
            area: section.area ?? null,
          })) ?? null,
        ),
        goals: ((doc.goals as Array<Record<string, unknown>>) ?? []).map((goal) => ({
          text: goal.text,
          status: goal.status,
          note: goal.note ?? null,
          area: (goal.area as { slug?: string } | null)?.slug ?? null,
        })),
        principles: ((doc.principles as Array<{ text: string }>) ?? []).map((principle) => principle.text),
      }
    }

    it('reproduces the same documents, images included', async () => {
      const imported = await importWriting(source.payload, path.join(FIXTURES, 'blog'))
      await importWriting(source.payload, path.join(FIXTURES, 'notion'))
      expect(imported.counts.failed).toBe(0)

      const report = await exportMarkdown(source.payload, exported)
      expect(report.files.map((file) => file.file).sort()).toEqual([
        'posts/kubernetes-probes.md',
        'posts/moving-terraform-state-without-downtime.md',
        'posts/terraform-모듈-정리.md',
        'retrospectives/2021-1-4분기-회고.md',
        'retrospectives/2023-상반기-회고.md',
        'retrospectives/2024-회고.md',
      ])
      expect(report.warnings).toEqual([])
      const probes = fs.readFileSync(path.join(exported, 'posts/kubernetes-probes.md'), 'utf8')
      expect(probes).toMatch(
        /^---\ncollection: post\ntitle: "쿠버네티스 Probe 제대로 쓰기: liveness, readiness, startup"\nslug: kubernetes-probes\nstatus: published\n/,
      )
      expect(probes).toMatch(/!\[probe 흐름도\]\(kubernetes-probes\/[0-9a-f]{12}-probe-flow\.png\)/)
      expect(fs.readFileSync(path.join(exported, 'retrospectives/2023-상반기-회고.md'), 'utf8')).toContain(
        'period: 2023-H1',
      )

      const back = await importWriting(target.payload, exported)
      expect(back.counts).toEqual({ created: 6, updated: 0, skipped: 0, failed: 0 })

      const [before, after] = [await documents(source.payload), await documents(target.payload)]
      expect(after.posts.map(comparable)).toEqual(before.posts.map(comparable))
      expect(after.retrospectives.map(comparable)).toEqual(before.retrospectives.map(comparable))
    })

    it('says which blocks it had to leave out', async () => {
      await source.payload.create({
        collection: 'posts',
        data: {
          title: 'Callouts',
          content: doc(paragraph(text('before')), callout('warning', '조심')),
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
      const report = await exportMarkdown(source.payload, path.join(exported, 'again'))
      expect(report.warnings).toEqual(['posts/callouts: callout blocks have no Markdown form; left out'])
      expect(fs.readFileSync(path.join(exported, 'again/posts/callouts.md'), 'utf8')).toMatch(/\n\nbefore\n$/)
    })
  })
})
