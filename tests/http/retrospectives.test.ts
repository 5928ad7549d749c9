import { databaseEnv, describeOnEachDatabase, startServer, type RunningServer } from '../helpers/server'

describeOnEachDatabase('retrospectives over HTTP', (kind) => {
  let server: RunningServer
  let auth: Record<string, string>

  const api = async (path: string, init: { method?: string; json?: unknown; anonymous?: boolean } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.anonymous ? {} : auth),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    })
    return { status: response.status, body: await response.json() }
  }
  const graphql = async (query: string, anonymous = false) =>
    (await api('/api/graphql', { method: 'POST', json: { query }, anonymous })).body

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    const registered = await api('/api/users/first-register', {
      method: 'POST',
      json: { email: 'author@test.local', password: 'author-password-1' },
      anonymous: true,
    })
    auth = { authorization: `JWT ${registered.body.token}` }
    const create = (data: Record<string, unknown>, draft = false) =>
      api(`/api/retrospectives${draft ? '?draft=true' : ''}`, {
        method: 'POST',
        json: { _status: draft ? 'draft' : 'published', ...data },
      })
    expect(
      (
        await create({
          period: { kind: 'year', year: 2023 },
          goals: [
            { text: '글 50편', status: 'achieved' },
            { text: '10km', status: 'missed' },
          ],
        })
      ).status,
    ).toBe(201)
    expect(
      (await create({ period: { kind: 'year', year: 2024 }, goals: [{ text: '이직', status: 'achieved' }] })).status,
    ).toBe(201)
    expect((await create({ period: { kind: 'quarter', year: 2024, index: 1 } })).status).toBe(201)
    expect((await create({ title: '초안', period: { kind: 'year', year: 2025 } }, true)).status).toBe(201)
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('serves the timeline of published retrospectives over REST and GraphQL', async () => {
    const { status, body } = await api('/api/retrospectives/timeline', { anonymous: true })
    expect(status).toBe(200)
    expect(body.years.map((year: { year: number }) => year.year)).toEqual([2024, 2023])
    const [y2024, y2023] = body.years
    expect(y2024.retrospectives.map((entry: { title: string }) => entry.title)).toEqual([
      '2024년 1분기 회고',
      '2024년 회고',
    ])
    // 2024 reviews the goal missed in 2023, so it counts two goals, one achieved.
    expect(y2024.goals).toMatchObject({ achieved: 1, missed: 1, total: 2 })
    expect(y2024.achievedShare).toBe(0.5)
    expect(y2023.achievedShare).toBe(0.5)

    const gql = await graphql('{ RetrospectiveTimeline }', true)
    expect(gql.data.RetrospectiveTimeline).toEqual(body.years)
  })

  it('filters by kind and year, and gives previous and next, through REST and GraphQL', async () => {
    const list = await api('/api/retrospectives?where[period.kind][equals]=year&sort=period.startDate', {
      anonymous: true,
    })
    expect(list.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['2023년 회고', '2024년 회고'])
    expect(list.body.docs[0].navigation).toEqual({
      previous: null,
      next: expect.objectContaining({ title: '2024년 회고', slug: '2024년-회고' }),
    })

    const gql = await graphql(
      '{ Retrospectives(where: { period__year: { equals: 2024 } }, sort: "period.startDate") { docs { title navigation period { kind index } } } }',
      true,
    )
    expect(gql.data.Retrospectives.docs).toEqual([
      { title: '2024년 1분기 회고', navigation: { previous: null, next: null }, period: { kind: 'quarter', index: 1 } },
      {
        title: '2024년 회고',
        navigation: { previous: expect.objectContaining({ title: '2023년 회고' }), next: null },
        period: { kind: 'year', index: null },
      },
    ])
  })

  it('refuses an impossible period with a 400 naming the field', async () => {
    const bad = await api('/api/retrospectives', {
      method: 'POST',
      json: { period: { kind: 'quarter', year: 2024, index: 5 } },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/Half, quarter or month/)
    const gql = await graphql(
      'mutation { createRetrospective(data: { period: { kind: month, year: 2024, index: 13 } }) { id } }',
    )
    expect(gql.errors[0].extensions.data.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'period.index', message: 'Month must be from 1 to 12, got 13.' }),
      ]),
    )
  })

  it('hides drafts from anonymous readers', async () => {
    const anonymous = await api('/api/retrospectives?where[period.year][equals]=2025', { anonymous: true })
    expect(anonymous.body.docs).toEqual([])
    const editor = await api('/api/retrospectives?draft=true&where[period.year][equals]=2025')
    expect(editor.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['초안'])
  })
})
