import { POSTING_STUDY_RULES } from '../../src/seed/demoContent'
import { databaseEnv, describeOnEachDatabase, startServer, type RunningServer } from '../helpers/server'

type Json = Record<string, any>

describeOnEachDatabase('study groups over HTTP', (kind) => {
  let server: RunningServer
  const tokens: Record<string, string> = {}
  const ids: Json = {}

  const api = async (
    path: string,
    init: { method?: string; json?: unknown; as?: string; body?: string; type?: string } = {},
  ) => {
    const headers: Record<string, string> = {}
    if (init.as) headers.authorization = `JWT ${tokens[init.as]}`
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    if (init.type) headers['content-type'] = init.type
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    })
    const type = response.headers.get('content-type') ?? ''
    return {
      status: response.status,
      type,
      body: type.includes('json') ? await response.json() : await response.text(),
    }
  }
  const graphql = async (query: string, as?: string) =>
    (await api('/api/graphql', { method: 'POST', json: { query }, as })).body
  const login = async (email: string, password: string) =>
    (await api('/api/users/login', { method: 'POST', json: { email, password } })).body.token

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    tokens.admin = (
      await api('/api/users/first-register', {
        method: 'POST',
        json: { email: 'admin@test.local', password: 'admin-password-1' },
      })
    ).body.token
    for (const [name, role] of [
      ['operator', 'operator'],
      ['outsider', 'operator'],
      ['member', 'member'],
    ]) {
      const created = await api('/api/users', {
        method: 'POST',
        as: 'admin',
        json: { email: `${name}@test.local`, password: `${name}-password-1`, roles: [role] },
      })
      ids[name] = created.body.doc.id
      tokens[name] = await login(`${name}@test.local`, `${name}-password-1`)
    }
    const group = await api('/api/study-groups', {
      method: 'POST',
      as: 'admin',
      json: {
        name: '블로그 포스팅 스터디',
        kind: 'posting-study',
        operators: [ids.operator],
        rules: POSTING_STUDY_RULES,
      },
    })
    ids.group = group.body.doc.id
    const cohort = await api('/api/cohorts', {
      method: 'POST',
      as: 'operator',
      json: { group: ids.group, label: '3기', startDate: '2027-03-01', endDate: '2027-03-22', status: 'active' },
    })
    expect(cohort.status).toBe(201)
    ids.cohort = cohort.body.doc.id
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('lets the group’s operator generate sessions and import the roster (dry run, then apply)', async () => {
    const generated = await api(`/api/cohorts/${ids.cohort}/generate-sessions`, { method: 'POST', as: 'operator' })
    expect(generated).toMatchObject({ status: 201, body: { created: 4, kept: 0, total: 4 } })

    const csv =
      'name,handle,email,blogUrl,role\n김하나,hana,hana@study.test,https://hana.dev,member\n이둘,dul,dul@study.test,,leader\n'
    const dry = await api(`/api/cohorts/${ids.cohort}/import`, {
      method: 'POST',
      as: 'operator',
      type: 'text/csv',
      body: csv,
    })
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 2 } })
    const bad = await api(`/api/cohorts/${ids.cohort}/import?dryRun=false`, {
      method: 'POST',
      as: 'operator',
      type: 'text/csv',
      body: `${csv}세번째,,bad-email,,member\n`,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([{ line: 4, reason: 'email "bad-email" is not an email address' }])
    const applied = await api(`/api/cohorts/${ids.cohort}/import?dryRun=false`, {
      method: 'POST',
      as: 'operator',
      type: 'text/csv',
      body: csv,
    })
    expect(applied.body).toMatchObject({ applied: true })

    const hana = (await api('/api/members?where[handle][equals]=hana', { as: 'admin' })).body.docs[0]
    ids.hana = hana.id
    await api(`/api/members/${hana.id}`, { method: 'PATCH', as: 'admin', json: { user: ids.member } })
    ids.hanaMembership = (
      await api(`/api/memberships?where[member][equals]=${hana.id}`, { as: 'admin' })
    ).body.docs[0].id
    ids.sessions = (await api(`/api/study-sessions?where[cohort][equals]=${ids.cohort}&sort=number`)).body.docs.map(
      (doc: Json) => doc.id,
    )
  })

  it('keeps another group’s operator out over REST and GraphQL', async () => {
    expect((await api(`/api/cohorts/${ids.cohort}/board`, { as: 'outsider' })).status).toBe(403)
    expect(
      (await api(`/api/cohorts/${ids.cohort}`, { method: 'PATCH', as: 'outsider', json: { label: 'hijacked' } }))
        .status,
    ).toBe(403)
    expect((await api(`/api/memberships/${ids.hanaMembership}`, { method: 'DELETE', as: 'outsider' })).status).toBe(403)
    expect(
      (
        await api(`/api/cohorts/${ids.cohort}/import`, {
          method: 'POST',
          as: 'outsider',
          type: 'text/csv',
          body: 'name,email\nx,x@x.test',
        })
      ).status,
    ).toBe(403)
    const gqlBoard = await graphql(`{ CohortBoard(id: "${ids.cohort}") }`, 'outsider')
    expect(gqlBoard.errors[0].message).toMatch(/not allowed/i)
    const gqlUpdate = await graphql(
      `mutation { updateCohort(id: ${JSON.stringify(ids.cohort)}, data: { label: "hijacked" }) { id } }`,
      'outsider',
    )
    expect(gqlUpdate.errors[0].message).toMatch(/not allowed/i)
    expect((await api(`/api/cohorts/${ids.cohort}`)).body.label).toBe('3기')
  })

  it('lets a member submit through REST and GraphQL, once per session, and read only their own status', async () => {
    const first = await api('/api/submissions/submit', {
      method: 'POST',
      as: 'member',
      json: { session: ids.sessions[0], url: 'https://hana.dev/week-1', title: '1주차' },
    })
    expect(first.status).toBe(201)
    const again = await api('/api/submissions/submit', {
      method: 'POST',
      as: 'member',
      json: { session: ids.sessions[0], url: 'https://hana.dev/week-1-v2' },
    })
    expect(again).toMatchObject({
      status: 200,
      body: { created: false, doc: { id: first.body.doc.id, url: 'https://hana.dev/week-1-v2' } },
    })
    const viaGraphql = await graphql(
      `mutation { submitWork(session: "${ids.sessions[1]}", url: "https://hana.dev/week-2") }`,
      'member',
    )
    expect(viaGraphql.data.submitWork).toMatchObject({ created: true })
    expect(
      (
        await api('/api/submissions/submit', {
          method: 'POST',
          json: { session: ids.sessions[0], url: 'https://x.example.com' },
        })
      ).status,
    ).toBe(403)

    const status = await api(`/api/memberships/${ids.hanaMembership}/status`, { as: 'member' })
    expect(status.status).toBe(200)
    expect(status.body.row.summary.counts).toMatchObject({ pending: 2 })
    const dulMembership = (
      await api(`/api/memberships?where[id][not_equals]=${ids.hanaMembership}&where[cohort][equals]=${ids.cohort}`, {
        as: 'admin',
      })
    ).body.docs[0].id
    expect((await api(`/api/memberships/${dulMembership}/status`, { as: 'member' })).status).toBe(403)
    expect((await graphql(`{ MembershipStatus(id: "${dulMembership}") }`, 'member')).errors[0].message).toMatch(
      /not allowed/i,
    )
  })

  it('serves the board, exports and calendar to the operator', async () => {
    const board = await api(`/api/cohorts/${ids.cohort}/board`, { as: 'operator' })
    expect(board.status).toBe(200)
    expect(board.body.sessions).toHaveLength(4)
    expect(board.body.rows.map((row: Json) => row.member.displayName)).toEqual(['김하나', '이둘'])
    const gqlBoard = await graphql(`{ CohortBoard(id: "${ids.cohort}") }`, 'operator')
    expect(gqlBoard.data.CohortBoard.rows).toHaveLength(2)

    const roster = await api(`/api/cohorts/${ids.cohort}/roster.csv`, { as: 'operator' })
    expect(roster.type).toMatch(/text\/csv/)
    expect(roster.body).toContain('김하나,hana,hana@study.test,https://hana.dev,,member,active')
    const statusCsv = await api(`/api/cohorts/${ids.cohort}/status.csv`, { as: 'operator' })
    expect(statusCsv.body.split('\n')[1]).toMatch(
      /^김하나,hana,member,active,on-time,on-time,pending,pending,2,0,0,0,0,2,0,,no/,
    )
    expect((await api(`/api/cohorts/${ids.cohort}/roster.csv`)).status).toBe(403)
    const ics = await api(`/api/cohorts/${ids.cohort}/sessions.ics`)
    expect(ics.type).toMatch(/text\/calendar/)
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(4)
  })

  it('gives front ends public rosters, weekly submissions and group pages without private fields', async () => {
    const roster = await api(`/api/cohorts/${ids.cohort}/public-roster`)
    expect(roster.body.members.map((member: Json) => member.handle)).toEqual(['hana', 'dul'])
    const week = await api(`/api/cohorts/${ids.cohort}/weekly-submissions?week=1`)
    expect(week.body.submissions).toEqual([
      expect.objectContaining({
        url: 'https://hana.dev/week-1-v2',
        member: expect.objectContaining({ handle: 'hana' }),
      }),
    ])
    const page = await api(
      '/api/study-groups/slug/블로그-포스팅-스터디'.replace(
        '블로그-포스팅-스터디',
        encodeURIComponent('블로그-포스팅-스터디'),
      ),
    )
    expect(page.body.cohorts.map((cohort: Json) => cohort.label)).toEqual(['3기'])
    expect(page.body.group.rules.deposit).toBeUndefined()
    const gql = await graphql(
      `{ WeeklySubmissions(cohort: "${ids.cohort}", week: 1) CohortPublicRoster(id: "${ids.cohort}") StudyGroupPage(slug: "블로그-포스팅-스터디") }`,
    )
    expect(gql.data.WeeklySubmissions.submissions).toHaveLength(1)
    const everything = JSON.stringify([roster.body, week.body, page.body, gql.data])
    expect(everything).not.toContain('@study.test')
    expect(everything).not.toContain('30000')
    const members = await api('/api/members')
    expect(JSON.stringify(members.body)).not.toContain('@study.test')
    expect(
      (await api('/api/members', { as: 'operator' })).body.docs.map((member: Json) => member.email).sort(),
    ).toEqual(['dul@study.test', 'hana@study.test'])
  })
})
