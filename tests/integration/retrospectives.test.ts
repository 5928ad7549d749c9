import type { Payload } from 'payload'

import { buildTimeline } from '../../collections/retrospectives/Retrospectives/timeline'
import { doc, paragraph, text } from '../helpers/lexical'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

type Data = Record<string, unknown>

describe.each(databaseKinds())('retrospectives on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  let areas: Record<string, number | string>

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    const { docs } = await payload.find({ collection: 'retrospective-areas', limit: 100 })
    areas = Object.fromEntries(docs.map((area) => [area.slug, area.id]))
  })
  afterAll(async () => {
    await ctx?.close()
  })

  const retro = (data: Data, status: 'published' | 'draft' = 'published', context: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'retrospectives',
      data: { _status: status, ...data } as never,
      draft: status === 'draft',
      context,
    })

  it('creates the default areas once', async () => {
    expect(Object.keys(areas).sort()).toEqual(['career', 'community', 'health', 'learning', 'other', 'personal'])
  })

  it('derives dates and a Korean title from the period, and a slug from the title', async () => {
    const created = await retro({ period: { kind: 'quarter', year: 2021, index: 1 } })
    expect(created.title).toBe('2021년 1분기 회고')
    expect(created.slug).toBe('2021년-1분기-회고')
    expect(created.period).toMatchObject({ kind: 'quarter', year: 2021, index: 1 })
    expect(created.period.startDate).toMatch(/^2021-01-01/)
    expect(created.period.endDate).toMatch(/^2021-03-31/)
  })

  it('writes the title in English when the content language is English', async () => {
    const created = await retro({ language: 'en', period: { kind: 'half', year: 2023, index: 1 } })
    expect(created.title).toBe('2023 H1 Retrospective')
  })

  it('keeps a title the author wrote', async () => {
    const created = await retro({ title: '나의 2019년', period: { kind: 'year', year: 2019 } })
    expect(created.title).toBe('나의 2019년')
  })

  it.each([
    [{ kind: 'quarter', year: 2024, index: 5 }, 'period.index', /Quarter must be from 1 to 4/],
    [{ kind: 'month', year: 2024, index: 13 }, 'period.index', /Month must be from 1 to 12/],
    [
      { kind: 'custom', startDate: '2024-05-01T00:00:00.000Z', endDate: '2024-04-01T00:00:00.000Z' },
      'period.endDate',
      /before the start date/,
    ],
  ])('refuses the impossible period %p, naming the field', async (period, path, message) => {
    await expect(retro({ title: 'Impossible', period })).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path, message: expect.stringMatching(message) })] },
    })
  })

  it('allows one published retrospective per period and names the first', async () => {
    await retro({ period: { kind: 'month', year: 2025, index: 3 } })
    await expect(
      retro({ title: 'Second March', period: { kind: 'month', year: 2025, index: 3 } }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          expect.objectContaining({
            path: 'period.index',
            message: expect.stringMatching(/"2025년 3월 회고" \(2025년-3월-회고\)/),
          }),
        ],
      },
    })
    const draft = await retro({ title: 'Draft March', period: { kind: 'month', year: 2025, index: 3 } }, 'draft')
    expect(draft._status).toBe('draft')
    await expect(
      payload.update({ collection: 'retrospectives', id: draft.id, data: { _status: 'published' } }),
    ).rejects.toMatchObject({ status: 400 })
    await retro({
      title: 'Custom overlaps freely',
      period: { kind: 'custom', startDate: '2025-03-01', endDate: '2025-03-31' },
    })
    await retro({ title: 'Custom twice', period: { kind: 'custom', startDate: '2025-03-01', endDate: '2025-03-31' } })
  })

  it('renders sections into HTML and a table of contents like posts', async () => {
    const created = await retro({
      period: { kind: 'year', year: 2022 },
      sections: [
        { heading: '커리어', area: areas.career, body: doc(paragraph(text('이직을 했다.'))) },
        { heading: '스터디', area: areas.learning, body: doc(paragraph(text('CS 스터디를 열었다.'))) },
      ],
    })
    expect(created.toc).toEqual([
      { id: '커리어', text: '커리어', level: 2, children: [] },
      { id: '스터디', text: '스터디', level: 2, children: [] },
    ])
    expect(created.contentHtml).toBe(
      '<h2 id="커리어">커리어</h2><p>이직을 했다.</p><h2 id="스터디">스터디</h2><p>CS 스터디를 열었다.</p>',
    )
    expect(created.excerpt).toBe('이직을 했다.')
    expect(created.readingTime).toBe(1)
  })

  describe('carry-over', () => {
    it('copies only unfinished goals of the previous published retrospective of the same kind, linked to them', async () => {
      const previous = await retro({
        period: { kind: 'quarter', year: 2030, index: 1 },
        goals: [
          { text: '매주 글 쓰기', status: 'in-progress', area: areas.learning },
          { text: '이직하기', status: 'achieved' },
          { text: '마라톤', status: 'dropped' },
          { text: '책 12권', status: 'missed', note: '6권' },
          { text: '스터디 열기', status: 'planned' },
        ],
      })
      await retro({ period: { kind: 'year', year: 2029 }, goals: [{ text: 'Other kind', status: 'planned' }] })
      await retro({
        period: { kind: 'quarter', year: 2029, index: 4 },
        goals: [{ text: 'Older quarter', status: 'planned' }],
      })
      await retro(
        {
          title: 'Unpublished Q1 draft',
          period: { kind: 'quarter', year: 2030, index: 1 },
          goals: [{ text: 'From a draft', status: 'planned' }],
        },
        'draft',
      )

      const next = await retro({ period: { kind: 'quarter', year: 2030, index: 2 } }, 'draft')
      expect(next.goals?.map((goal) => goal.text)).toEqual(['매주 글 쓰기', '책 12권', '스터디 열기'])
      const previousGoals = previous.goals!
      expect(next.goals?.[0]).toMatchObject({
        status: 'in-progress',
        carriedFromGoal: previousGoals[0].id,
        carriedFromRetrospective: expect.objectContaining({ id: previous.id }),
      })
      expect(next.goals?.[1]).toMatchObject({ status: 'missed', note: '6권', carriedFromGoal: previousGoals[3].id })

      const edited = await payload.update({
        collection: 'retrospectives',
        id: next.id,
        data: { goals: next.goals!.slice(1) },
        draft: true,
      })
      expect(edited.goals?.map((goal) => goal.text)).toEqual(['책 12권', '스터디 열기'])
    })

    it('copies nothing when there is no previous retrospective', async () => {
      const first = await retro({
        period: { kind: 'month', year: 2040, index: 1 },
        goals: [{ text: 'Only mine', status: 'planned' }],
      })
      expect(first.goals?.map((goal) => goal.text)).toEqual(['Only mine'])
    })
  })

  it('gives each retrospective its previous and next of the same kind', async () => {
    const y1 = await retro({ period: { kind: 'year', year: 2050 } })
    const y2 = await retro({ period: { kind: 'year', year: 2051 } })
    const y3 = await retro({ period: { kind: 'year', year: 2052 } })
    await retro({ period: { kind: 'month', year: 2051, index: 6 } })
    const read = await payload.findByID({ collection: 'retrospectives', id: y2.id, overrideAccess: false })
    expect(read.navigation).toEqual({
      previous: expect.objectContaining({ id: y1.id, title: '2050년 회고' }),
      next: expect.objectContaining({ id: y3.id, title: '2052년 회고' }),
    })
  })

  it('filters by kind, year and tag', async () => {
    const tag = await payload.create({ collection: 'tags', data: { name: '연말' } })
    await retro({ period: { kind: 'year', year: 2060 }, tags: [tag.id] })
    const byKindAndYear = await payload.find({
      collection: 'retrospectives',
      where: { 'period.kind': { equals: 'year' }, 'period.year': { equals: 2060 } },
    })
    expect(byKindAndYear.docs.map((found) => found.title)).toEqual(['2060년 회고'])
    const byTag = await payload.find({ collection: 'retrospectives', where: { tags: { in: [tag.id] } } })
    expect(byTag.docs.map((found) => found.title)).toEqual(['2060년 회고'])
  })

  it('links the study groups and cohorts it reviews', async () => {
    const group = await payload.create({
      collection: 'study-groups',
      data: { name: '블로그 포스팅 스터디', kind: 'posting-study' } as never,
    })
    const cohort = await payload.create({
      collection: 'cohorts',
      data: { group: group.id, label: '3기', startDate: '2024-03-04', endDate: '2024-06-30' } as never,
    })
    const created = await retro({
      period: { kind: 'half', year: 2024, index: 1 },
      studyGroups: [group.id],
      cohorts: [cohort.id],
    })
    const read = await payload.findByID({
      collection: 'retrospectives',
      id: created.id,
      depth: 1,
      overrideAccess: false,
    })
    expect(read.cohorts).toEqual([expect.objectContaining({ id: cohort.id, label: '3기' })])
    expect(read.studyGroups).toEqual([expect.objectContaining({ id: group.id, name: '블로그 포스팅 스터디' })])
    const unknown = kind === 'sqlite' ? 987654 : '64b7f0c2a1b2c3d4e5f60718'
    await expect(
      retro({ title: 'Bad link', period: { kind: 'half', year: 2019, index: 2 }, cohorts: [unknown] }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'cohorts' })] },
    })
  })

  it('hides drafts from anonymous readers and lets only editors write', async () => {
    const draft = await retro({ title: 'Secret retro', period: { kind: 'year', year: 2070 } }, 'draft')
    const anonymous = await payload.find({
      collection: 'retrospectives',
      where: { id: { equals: draft.id } },
      overrideAccess: false,
    })
    expect(anonymous.totalDocs).toBe(0)
    const member = await createUser(payload, ['member'])
    await expect(
      payload.create({
        collection: 'retrospectives',
        data: { period: { kind: 'year', year: 2071 } } as never,
        user: member,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('builds a timeline grouped by year, newest first, with goal statistics', async () => {
    await retro({ title: 'No goals at all', period: { kind: 'month', year: 2089, index: 1 } }, 'published', {
      skipCarryOver: true,
    })
    // Earlier tests' unfinished yearly goals would be carried into 2090; this test counts only its own.
    await retro(
      {
        period: { kind: 'year', year: 2090 },
        goals: [
          { text: 'a', status: 'achieved' },
          { text: 'b', status: 'missed' },
        ],
      },
      'published',
      {
        skipCarryOver: true,
      },
    )
    await retro(
      {
        period: { kind: 'quarter', year: 2090, index: 2 },
        goals: [
          { text: 'c', status: 'achieved' },
          { text: 'd', status: 'dropped' },
        ],
      },
      'published',
      { skipCarryOver: true },
    )
    await retro({ period: { kind: 'year', year: 2091 } })
    await retro({ title: 'Draft in 2091', period: { kind: 'quarter', year: 2091, index: 1 } }, 'draft')

    const { createLocalReq } = await import('payload')
    const timeline = await buildTimeline(payload, await createLocalReq({}, payload))
    expect(timeline.slice(0, 2).map((year) => year.year)).toEqual([2091, 2090])
    const [y2091, y2090] = timeline
    expect(y2091.retrospectives.map((entry) => entry.title)).toEqual(['2091년 회고'])
    // The 2090 goal that was missed is carried over into 2091 for review.
    expect(y2091.goals).toMatchObject({ missed: 1, total: 1 })
    expect(y2091.retrospectives[0].carried).toBe(1)
    expect(y2091.achievedShare).toBe(0)
    expect(y2090.retrospectives.map((entry) => entry.title)).toEqual(['2090년 2분기 회고', '2090년 회고'])
    expect(y2090.goals).toMatchObject({ achieved: 2, missed: 1, dropped: 1, total: 4 })
    expect(y2090.retrospectives[0].goals).toMatchObject({ achieved: 1, dropped: 1, total: 2 })
    expect(y2090.retrospectives[0].carried).toBe(0)
    expect(y2090.achievedShare).toBe(0.5)
    expect(timeline.find((year) => year.year === 2089)?.achievedShare).toBeNull()
  })
})
