/**
 * The dashboard widgets' data (issue #14): what an editor is writing, what is scheduled and went
 * out last, the latest retrospective's goals, and each operator's cohorts this week; each read
 * with the user's own access, and the default layout by role.
 */

import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'
import { createLocalReq, type Payload } from 'payload'

import { editorialOverview } from '../../collections/blog/editorial'
import { latestRetrospectiveGoals } from '../../collections/retrospectives/latestGoals'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { submitWork } from '../../collections/studyGroups/roster/submit'
import { cohortsThisWeek } from '../../collections/studyGroups/roster/thisWeek'
import { createUser, databaseKinds, restAs, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy } from '../helpers/studyGroups'

describe.each(databaseKinds())('dashboard on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let editor: Awaited<ReturnType<typeof createUser>>
  let member: Awaited<ReturnType<typeof createUser>>
  const reqAs = (user: unknown) => createLocalReq({ user: user as never }, payload)

  const getAs = (email: string | null, url: string) => restAs(context, email, url)

  async function graphqlAs(user: unknown, source: string) {
    const req = await createLocalReq({ user: user as never }, payload)
    return graphql({ schema: configToSchema(payload.config).schema, source, contextValue: { req, headers: {} } })
  }

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    editor = await createUser(payload, ['editor'])
    member = await createUser(payload, ['member'])
  })

  afterAll(async () => {
    await context.close()
  })

  describe('the writing widget', () => {
    let published: { id: number | string }
    let newDraft: { id: number | string }
    let revised: { id: number | string }

    beforeAll(async () => {
      published = await payload.create({
        collection: 'posts',
        data: { title: 'Out already', _status: 'published', publishedAt: '2026-01-10T00:00:00.000Z' },
      })
      newDraft = await payload.create({
        collection: 'posts',
        data: { title: 'Half written', _status: 'draft' },
        draft: true,
      })
      revised = await payload.create({
        collection: 'posts',
        data: { title: 'Published once', _status: 'published', publishedAt: '2026-02-01T00:00:00.000Z' },
      })
      await payload.update({
        collection: 'posts',
        id: revised.id,
        data: { title: 'Published once, revised' },
        draft: true,
      })
      await payload.create({
        collection: 'retrospectives',
        data: {
          period: { kind: 'year', year: 2025 },
          _status: 'published',
          publishedAt: '2026-01-20T00:00:00.000Z',
        } as never,
      })
      const soon = new Date(Date.now() + 86_400_000)
      await payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: soon,
        input: { type: 'publish', doc: { relationTo: 'posts', value: String(newDraft.id) } } as never,
      })
      await payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() + 2 * 86_400_000),
        input: { type: 'unpublish', doc: { relationTo: 'posts', value: String(published.id) } } as never,
      })
      // Past jobs are not upcoming.
      await payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() - 86_400_000),
        input: { type: 'publish', doc: { relationTo: 'posts', value: String(revised.id) } } as never,
      })
    })

    it('lists drafts in progress, new and revised, newest first, and nothing only published', async () => {
      const { drafts } = await editorialOverview(await reqAs(editor))
      expect(drafts.map(({ title, everPublished }) => ({ title, everPublished }))).toEqual([
        { title: 'Published once, revised', everPublished: true },
        { title: 'Half written', everPublished: false },
      ])
    })

    it('lists what is scheduled, soonest first, with its time and kind', async () => {
      const { scheduled } = await editorialOverview(await reqAs(editor))
      expect(scheduled.map(({ title, type, collection }) => ({ title, type, collection }))).toEqual([
        { title: 'Half written', type: 'publish', collection: 'posts' },
        { title: 'Out already', type: 'unpublish', collection: 'posts' },
      ])
      expect(new Date(scheduled[0].at).getTime()).toBeGreaterThan(Date.now())
    })

    it('lists the latest published across posts and retrospectives, by publication date', async () => {
      const { published: latest } = await editorialOverview(await reqAs(editor))
      expect(latest.map(({ title, collection }) => [collection, title])).toEqual([
        ['posts', 'Published once'],
        ['retrospectives', '2025년 회고'],
        ['posts', 'Out already'],
      ])
    })

    it('shows a reader without editing rights no drafts and no job for a draft they cannot read', async () => {
      const overview = await editorialOverview(await reqAs(member))
      expect(overview.drafts).toEqual([])
      expect(overview.scheduled.map((entry) => entry.title)).toEqual(['Out already'])
      expect(overview.published.map((entry) => entry.title)).toContain('Published once')
    })
  })

  describe('the goals widget', () => {
    it('groups the goals of the latest retrospective by status, drafts included for editors only', async () => {
      const area = (await payload.find({ collection: 'retrospective-areas', where: { slug: { equals: 'learning' } } }))
        .docs[0]
      await payload.create({
        collection: 'retrospectives',
        data: {
          period: { kind: 'quarter', year: 2026, index: 1 },
          _status: 'published',
          goals: [
            { text: 'Finish the CKA', status: 'achieved', area: area.id },
            { text: 'Write every week', status: 'missed' },
          ],
        } as never,
      })
      await payload.create({
        collection: 'retrospectives',
        draft: true,
        data: {
          period: { kind: 'quarter', year: 2026, index: 2 },
          _status: 'draft',
          goals: [
            { text: 'Run the study', status: 'in-progress' },
            { text: 'Read SICP', status: 'planned', area: area.id },
            { text: 'Move teams', status: 'planned' },
          ],
        } as never,
      })
      const forEditor = await latestRetrospectiveGoals(await reqAs(editor))
      expect(forEditor?.retrospective).toMatchObject({ title: '2026년 2분기 회고', published: false })
      expect(forEditor?.byStatus).toEqual([
        {
          status: 'planned',
          goals: [
            { id: expect.any(String), text: 'Read SICP', area: '학습' },
            { id: expect.any(String), text: 'Move teams', area: null },
          ],
        },
        { status: 'in-progress', goals: [{ id: expect.any(String), text: 'Run the study', area: null }] },
        // Carried over from the quarter before, since it was missed.
        { status: 'missed', goals: [{ id: expect.any(String), text: 'Write every week', area: null }] },
      ])
      const forReader = await latestRetrospectiveGoals(await reqAs(member))
      expect(forReader?.retrospective).toMatchObject({ title: '2026년 1분기 회고', published: true })
      expect(forReader?.byStatus.map((group) => [group.status, group.goals.map((goal) => goal.text)])).toEqual([
        ['achieved', ['Finish the CKA']],
        ['missed', ['Write every week']],
      ])
    })
  })

  describe('the cohorts widget', () => {
    it('shows each operator their active cohorts: submitted, not yet and at risk this week', async () => {
      // Weekly sessions from Monday 2027-03-01; posts due the Sunday before each, 23:59:59 in Seoul.
      const start = '2027-03-01'
      const study = await createPostingStudy(payload, { name: '대시보드 스터디', members: 3, weeks: 6, start })
      const other = await createPostingStudy(payload, { name: '다른 스터디', members: 1, weeks: 6, start })
      await generateSessions(await reqAs(study.operator), study.cohort.id)
      await generateSessions(await reqAs(other.operator), other.cohort.id)
      const sessions = (
        await payload.find({
          collection: 'study-sessions',
          where: { cohort: { equals: study.cohort.id } },
          sort: 'number',
        })
      ).docs
      // Week 5 (due 2027-03-28 14:59:59 UTC): four deadlines have passed.
      const now = new Date('2027-03-25T00:00:00.000Z')
      const submit = async (person: number, weeks: number[]) => {
        for (const week of weeks)
          await submitWork(await reqAs(study.people[person].user), {
            session: sessions[week - 1].id,
            url: `https://blog${person}.example.com/${week}`,
          })
      }
      await submit(0, [2, 3, 4, 5])
      await submit(1, [1, 2])
      const weeks = await cohortsThisWeek(await reqAs(study.operator), now)
      expect(weeks).toHaveLength(1)
      const [week] = weeks
      expect(week.cohort).toMatchObject({ id: study.cohort.id, label: '3기', groupName: '대시보드 스터디' })
      expect(week.session?.number).toBe(5)
      expect(week.submitted.map((person) => person.displayName)).toEqual(['참여자1'])
      expect(week.submitted[0].submissionId).not.toBeNull()
      expect(week.notSubmitted.map((person) => person.displayName)).toEqual(['참여자2', '참여자3'])
      // Four weeks missed: two passes, then two misses, the group's at-risk threshold; two missed
      // weeks are covered by the passes.
      expect(week.atRisk.map((person) => person.displayName)).toEqual(['참여자3'])

      const admin = await createUser(payload, ['admin'])
      expect((await cohortsThisWeek(await reqAs(admin), now)).map((each) => each.cohort.groupName).sort()).toEqual([
        '다른 스터디',
        '대시보드 스터디',
      ])
      await expect(cohortsThisWeek(await reqAs(member), now)).rejects.toMatchObject({ status: 403 })
      // After the last deadline there is no week to report, only who is at risk.
      const after = (await cohortsThisWeek(await reqAs(study.operator), new Date('2027-05-01T00:00:00Z')))[0]
      expect(after).toMatchObject({ session: null, submitted: [], notSubmitted: [] })
    })

    it('serves the same over REST and GraphQL to operators, and refuses everyone else', async () => {
      const study = await createPostingStudy(payload, { name: 'API 스터디', members: 2, weeks: 2, start: '2027-03-01' })
      await generateSessions(await reqAs(study.operator), study.cohort.id)
      const rest = await getAs(study.operator.email, '/cohorts/this-week')
      expect(rest.status).toBe(200)
      // Today is before the cohort starts: its first session is this week's.
      expect(rest.body.cohorts).toEqual([
        expect.objectContaining({
          cohort: { id: study.cohort.id, label: '3기', groupName: 'API 스터디' },
          session: expect.objectContaining({ number: 1 }),
          submitted: [],
          notSubmitted: [
            expect.objectContaining({ displayName: '참여자1' }),
            expect.objectContaining({ displayName: '참여자2' }),
          ],
        }),
      ])
      expect((await getAs(member.email, '/cohorts/this-week')).status).toBe(403)
      expect((await getAs(null, '/cohorts/this-week')).status).toBe(401)

      const viaGraphQL = await graphqlAs(study.operator, '{ CohortsThisWeek }')
      expect(viaGraphQL.errors).toBeUndefined()
      expect(viaGraphQL.data?.CohortsThisWeek).toEqual(rest.body.cohorts)
      const refused = await graphqlAs(member, '{ CohortsThisWeek }')
      expect(refused.errors?.[0].message).toBe('Only operators and admins run cohorts.')
    })
  })

  describe('the default dashboard', () => {
    const layoutFor = async (user: unknown) => {
      const layout = payload.config.admin.dashboard?.defaultLayout
      const req = await reqAs(user)
      const widgets = typeof layout === 'function' ? await layout({ req }) : (layout ?? [])
      return widgets.map((widget) => widget.widgetSlug)
    }

    it('puts each role’s widgets before the collection cards', async () => {
      expect(await layoutFor(editor)).toEqual(['devlog-writing', 'devlog-retrospective-goals', 'collections'])
      expect(await layoutFor(member)).toEqual(['collections'])
      const { operator } = await createPostingStudy(payload, { name: '운영자 스터디', members: 1, weeks: 1 })
      expect(await layoutFor(operator)).toEqual(['devlog-cohorts-this-week', 'collections'])
      expect(await layoutFor(await createUser(payload, ['operator']))).toEqual(['collections'])
    })
  })
})
