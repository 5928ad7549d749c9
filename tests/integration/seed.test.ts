import { createLocalReq } from 'payload'

import { cohortsThisWeek } from '../../collections/studyGroups/roster/thisWeek'
import { seedDemoContent } from '../../src/seed'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

describe.each(databaseKinds())('demo content on %s', (kind) => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await startTestPayload(kind)
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('loads an admin, posts, a study group with its cohort and a retrospective into an empty database, once', async () => {
    const { payload } = ctx
    const first = await seedDemoContent(payload, { email: 'demo@devlog.test', password: 'demo-password-1' })
    expect(first).toEqual({ seeded: true, adminEmail: 'demo@devlog.test' })
    const admin = await payload.find({ collection: 'users', where: { email: { equals: 'demo@devlog.test' } } })
    expect(admin.docs[0].roles).toEqual(['admin'])
    const posts = await payload.find({ collection: 'posts', overrideAccess: false })
    expect(posts.totalDocs).toBe(3)
    expect(posts.docs.every((post) => post.contentHtml && post.readingTime! > 0)).toBe(true)
    expect(posts.docs.find((post) => post.title.startsWith('Reading Terraform'))?.contentHtml).toContain(
      '<code class="language-hcl">',
    )
    expect((await payload.count({ collection: 'study-sessions' })).totalDocs).toBe(13)
    expect((await payload.count({ collection: 'memberships' })).totalDocs).toBe(3)
    // The cohort runs when the demo is loaded: the session due this Sunday is the eighth, some of this
    // week's posts are in, and none for the weeks ahead.
    const admin0 = { ...admin.docs[0], collection: 'users' }
    const [week] = await cohortsThisWeek(await createLocalReq({ user: admin0 as never }, payload))
    expect(week.session?.number).toBe(8)
    expect(week.submitted.length).toBeGreaterThan(0)
    expect(week.notSubmitted.length).toBeGreaterThan(0)
    const submissions = await payload.find({ collection: 'submissions', pagination: false, depth: 1 })
    expect(
      submissions.docs.every(
        (submission) =>
          typeof submission.session === 'object' && (submission.session as { number: number }).number <= 8,
      ),
    ).toBe(true)
    expect(submissions.docs.every((submission) => Date.parse(submission.submittedAt!) < Date.now())).toBe(true)
    const retro = await payload.find({ collection: 'retrospectives', overrideAccess: false })
    // Faithful small examples: yearly retrospectives written in Korean and marked so, every
    // section and goal in an area; the year's review is a retrospective, not a post.
    expect(retro.docs.map((doc) => doc.title)).toEqual(['2025년 회고', '2024년 회고'])
    for (const doc of retro.docs) {
      expect(doc.language).toBe('ko')
      expect(doc.toc).toHaveLength(2)
      expect(doc.sections?.every((section) => section.area)).toBe(true)
      expect(doc.goals?.length).toBeGreaterThan(0)
      expect(doc.goals?.every((goal) => goal.area)).toBe(true)
    }
    expect(posts.docs.some((post) => /회고/.test(post.title))).toBe(false)

    // The demo admin wrote the demo posts: a Ghost front end lists an author.
    expect(posts.docs.every((post) => post.authors?.length === 1)).toBe(true)

    const second = await seedDemoContent(payload, { email: 'demo@devlog.test', password: 'demo-password-1' })
    expect(second).toEqual({ seeded: false, reason: 'the database already has users' })
    expect((await payload.count({ collection: 'posts' })).totalDocs).toBe(3)
  })

  it('leaves a database that already has content of its own alone (an import before the first start)', async () => {
    const other = await startTestPayload(kind)
    try {
      await other.payload.create({
        collection: 'retrospectives',
        data: { period: { kind: 'year', year: 2024 }, _status: 'published' },
        overrideAccess: true,
      })
      const result = await seedDemoContent(other.payload, { email: 'demo@devlog.test', password: 'demo-password-1' })
      expect(result).toEqual({
        seeded: false,
        reason: 'the database already has content of its own (1 retrospectives)',
      })
      expect((await other.payload.count({ collection: 'users' })).totalDocs).toBe(0)
      expect((await other.payload.count({ collection: 'retrospectives' })).totalDocs).toBe(1)
    } finally {
      await other.close()
    }
  })
})
