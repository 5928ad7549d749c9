/**
 * Submissions from members' blog feeds (issue #16): feeds found from blog addresses or given,
 * polled with conditional GET against a loopback server of velog-like RSS, Tistory-like RSS and
 * Jekyll-like Atom; items counted once for the week their date falls in, across deadlines in
 * Asia/Seoul; backdated items left to the operator, who accepts, rejects or moves them.
 */
import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'
import { createLocalReq, type Payload } from 'payload'

import { pollMemberFeeds, type FeedPollSettings } from '../../collections/studyGroups/feeds/poll'
import { buildBoard } from '../../collections/studyGroups/roster/board'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { submitWork } from '../../collections/studyGroups/roster/submit'
import { atom, rss, startFeedServer, type FeedServer, type Item } from '../helpers/feedServer'
import { createUser, databaseKinds, restAs, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy, idOf } from '../helpers/studyGroups'

describe.each(databaseKinds())('memberFeeds on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let feeds: FeedServer
  let study: Awaited<ReturnType<typeof createPostingStudy>>
  const settings: FeedPollSettings = {
    timeoutMs: 5_000,
    maxBytes: 1_000_000,
    hostPaceMs: 0,
    backdateGraceMinutes: 90,
    allowPrivateHosts: ['127.0.0.1'],
  }
  /** An instant on Seoul's clock. */
  const seoul = (local: string) => new Date(`${local}+09:00`)
  const poll = (at: string, memberIds?: (number | string)[]) =>
    pollMemberFeeds(payload, settings, { now: () => seoul(at), ...(memberIds ? { memberIds } : {}) })
  const reqAs = (user: unknown) => createLocalReq({ user: user as never }, payload)

  // velog-like (given feed URL), Tistory-like (found from the page's alternate link),
  // Jekyll-like Atom (found at /feed.xml), and a broken feed.
  const alice: Item[] = [
    { title: '오래된 글', link: 'https://velog.io/@alice/old', date: '2026-12-01T10:00:00+09:00' },
    {
      title: 'Kubernetes 네트워크 정리',
      link: 'https://velog.io/@alice/k8s-network',
      date: '2027-03-03T21:00:00+09:00',
    },
  ]
  const bob: Item[] = [
    { title: 'Terraform 모듈', link: 'https://bob.tistory.com/12', date: '2027-03-04T09:00:00+09:00' },
  ]
  const carol: Item[] = [
    { title: 'Jekyll로 블로그', link: 'https://carol.github.io/2027/03/02/jekyll', date: '2027-03-02T08:00:00+09:00' },
  ]

  const people = () => {
    const [a, b, c, d] = study.people
    return { a, b, c, d }
  }
  const cellOf = async (membershipId: unknown, week: number, now: string) => {
    const board = await buildBoard(await reqAs(study.operator), study.cohort.id, { now: seoul(now) })
    const session = board.sessions.find((each) => each.number === week)!
    const row = board.rows.find((each) => String(each.membershipId) === String(membershipId))!
    return {
      status: row.summary.cells.find((cell) => String(cell.sessionId) === String(session.id))!.submission,
      submission: row.submissions[String(session.id)],
    }
  }

  beforeAll(async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE_HOSTS = '127.0.0.1'
    context = await startTestPayload(kind)
    payload = context.payload
    feeds = await startFeedServer()
    study = await createPostingStudy(payload, { members: 4, weeks: 5, start: '2027-03-01' })
    await generateSessions(await reqAs(study.operator), study.cohort.id)
    const { a, b, c, d } = people()
    feeds.set('/rss/@alice', { body: rss('alice.log', [...alice, alice[1]]) })
    feeds.set('/bob/', {
      type: 'text/html; charset=utf-8',
      body: `<html><head><link rel='alternate' type='application/rss+xml' href='/bob/rss?type=comments' title='댓글'>
        <link rel="alternate" type="application/rss+xml" href="rss" title="bob"></head><body>bob</body></html>`,
    })
    feeds.set('/bob/rss', { body: rss('bob', bob) })
    feeds.set('/carol/', { type: 'text/html', body: '<html><head><title>carol</title></head><body></body></html>' })
    feeds.set('/carol/feed.xml', { type: 'application/atom+xml', body: atom('carol', carol) })
    feeds.set('/dave.xml', { type: 'text/html', body: '<html>Moved to a new blog</html>' })
    const set = (member: unknown, data: Record<string, string>) =>
      payload.update({ collection: 'members', id: idOf(member), data })
    await set(a.member, { feedUrl: feeds.url('/rss/@alice') })
    await set(b.member, { blogUrl: feeds.url('/bob/') })
    await set(c.member, { blogUrl: feeds.url('/carol/') })
    await set(d.member, { feedUrl: feeds.url('/dave.xml') })
  })

  afterAll(async () => {
    delete process.env.OUTBOUND_ALLOW_PRIVATE_HOSTS
    await feeds?.close()
    await context?.close()
  })

  describe('polling members’ feeds', () => {
    test('the first round finds each feed and turns this week’s posts into submissions, once', async () => {
      const round = await poll('2027-03-05T12:00:00')
      const { a, b, c, d } = people()
      expect(round.checks.flatMap((check) => check.error ?? [])).toEqual(['the answer is not an RSS or Atom feed'])
      expect(round.checked).toBe(4)
      expect(round.failed).toBe(1)
      // alice's old post is seen but counts for nothing; her duplicate listing counts once.
      expect(round.newItems).toBe(4)
      expect(round.submissions).toBe(3)

      for (const [person, link] of [
        [a, alice[1].link],
        [b, bob[0].link],
        [c, carol[0].link],
      ] as const) {
        const cell = await cellOf(person.membership.id, 2, '2027-03-05T12:00:00')
        expect(cell.status).toBe('on-time')
        expect(cell.submission).toMatchObject({ url: link, source: 'feed', review: null })
      }
      // Found from the page's alternate link (not the comments feed) and from Jekyll's /feed.xml.
      const member = (person: { member: unknown }) =>
        payload.findByID({ collection: 'members', id: idOf(person.member), overrideAccess: true })
      expect((await member(b)).feedStatus).toMatchObject({ url: feeds.url('/bob/rss'), itemsSeen: 1, lastError: null })
      expect((await member(c)).feedStatus).toMatchObject({ url: feeds.url('/carol/feed.xml'), itemsSeen: 1 })
      const dave = (await member(d)).feedStatus!
      expect(dave.lastError).toMatch(/not an RSS or Atom feed/)
      // Never set: null on SQLite, absent on MongoDB.
      expect(dave.lastSuccessAt ?? null).toBeNull()
      expect(dave.lastCheckedAt).toBe(seoul('2027-03-05T12:00:00').toISOString())
    })

    test('an unchanged feed answers 304 to the validators of its last answer', async () => {
      const before = feeds.requests.length
      const round = await poll('2027-03-05T13:00:00')
      const aliceRequest = feeds.requests.slice(before).find((request) => request.path === '/rss/@alice')!
      expect(aliceRequest.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/)
      expect(aliceRequest.ifModifiedSince).toBe('Mon, 01 Mar 2027 00:00:00 GMT')
      expect(aliceRequest.status).toBe(304)
      expect(round.checks.find((check) => check.feedUrl === feeds.url('/rss/@alice'))?.result).toBe('unchanged')
      expect(round.newItems).toBe(0)
      // The feed found from a blog is polled directly now, not looked up again.
      expect(feeds.requests.slice(before).map((request) => request.path)).not.toContain('/bob/')
    })

    test('across the deadline: an edited date does not count twice; a post seen within the grace is on time', async () => {
      // alice changes her week-2 post's date into week 3 and adds the same post under a tracking link.
      const edited = { ...alice[1], date: '2027-03-10T09:00:00+09:00' }
      const tracked = { ...alice[1], guid: 'other-guid', link: `${alice[1].link}/?utm_source=rss#top` }
      feeds.set('/rss/@alice', { body: rss('alice.log', [alice[0], edited, tracked]) })
      bob.push({ title: 'Ansible 롤', link: 'https://bob.tistory.com/13', date: '2027-03-14T23:30:00+09:00' })
      feeds.set('/bob/rss', { body: rss('bob', bob) })

      // 30 minutes after week 3's deadline (Sunday 23:59:59 in Seoul).
      const round = await poll('2027-03-15T00:30:00')
      expect(round.newItems).toBe(1)
      const { a, b } = people()
      expect((await cellOf(a.membership.id, 3, '2027-03-15T00:30:00')).status).toBe('pass-used')
      const bobWeek = await cellOf(b.membership.id, 3, '2027-03-15T00:30:00')
      expect(bobWeek.status).toBe('on-time')
      expect(bobWeek.submission.submittedAt).toBe(new Date('2027-03-14T23:30:00+09:00').toISOString())
    })

    test('a backdated post seen a day after the deadline waits for the operator, who accepts or moves it', async () => {
      carol.push({
        title: '뒤늦은 글',
        link: 'https://carol.github.io/2027/03/14/late',
        date: '2027-03-14T22:00:00+09:00',
      })
      feeds.set('/carol/feed.xml', { type: 'application/atom+xml', body: atom('carol', carol) })
      await poll('2027-03-16T10:00:00')
      const { c } = people()
      const waiting = await cellOf(c.membership.id, 3, '2027-03-16T10:00:00')
      expect(waiting.status).toBe('in-review')
      expect(waiting.submission.review).toBe('needs-decision')
      const stored = await payload.findByID({ collection: 'submissions', id: waiting.submission.id })
      expect(stored.firstSeenAt).toBe(seoul('2027-03-16T10:00:00').toISOString())
      expect(stored.source).toBe('feed')

      // The member cannot decide for themself; the operator can, over REST.
      await restAs(context, c.user.email, `/submissions/${waiting.submission.id}`, {
        method: 'PATCH',
        body: { review: 'accepted', source: 'manual' },
      })
      expect((await payload.findByID({ collection: 'submissions', id: waiting.submission.id })).review).toBe(
        'needs-decision',
      )
      const accepted = await restAs(context, study.operator.email, `/submissions/${waiting.submission.id}`, {
        method: 'PATCH',
        body: { review: 'accepted' },
      })
      expect(accepted.status).toBe(200)
      expect((await cellOf(c.membership.id, 3, '2027-03-16T10:00:00')).status).toBe('on-time')

      // Moved to week 4, where it now counts; week 3 is a miss again.
      const week4 = (await buildBoard(await reqAs(study.operator), study.cohort.id)).sessions.find(
        (session) => session.number === 4,
      )!
      const moved = await restAs(context, study.operator.email, `/submissions/${waiting.submission.id}`, {
        method: 'PATCH',
        body: { session: week4.id },
      })
      expect(moved.status).toBe(200)
      expect((await cellOf(c.membership.id, 4, '2027-03-16T10:00:00')).submission.id).toBe(waiting.submission.id)
      expect((await cellOf(c.membership.id, 3, '2027-03-16T10:00:00')).status).toBe('pass-used')
    })

    test('a rejected post counts as missing until the member submits by hand', async () => {
      const { b } = people()
      const { submission } = await cellOf(b.membership.id, 3, '2027-03-16T10:00:00')
      const schema = configToSchema(payload.config).schema
      const result = await graphql({
        schema,
        source: `mutation { updateSubmission(id: ${JSON.stringify(submission.id)}, data: { review: rejected }) { review source } }`,
        contextValue: { req: await reqAs(study.operator), headers: {} },
      })
      expect(result.errors).toBeUndefined()
      expect(result.data?.updateSubmission).toEqual({ review: 'rejected', source: 'feed' })
      expect((await cellOf(b.membership.id, 3, '2027-03-16T10:00:00')).status).toBe('pass-used')

      const week3 = (await buildBoard(await reqAs(study.operator), study.cohort.id)).sessions.find(
        (session) => session.number === 3,
      )!
      const resubmitted = await submitWork(await reqAs(b.user), {
        session: week3.id,
        url: 'https://bob.tistory.com/14',
      })
      expect(resubmitted.doc).toMatchObject({ source: 'manual', review: null })
      expect(new Date(resubmitted.doc.submittedAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
      // Counted again, from now (which is before the 2027 cohort's deadlines).
      expect((await cellOf(b.membership.id, 3, '2030-01-01T00:00:00')).status).toBe('on-time')
    })

    test('a member’s manual submission stays theirs: the feed does not add a second one that week', async () => {
      const { a } = people()
      const week5 = (await buildBoard(await reqAs(study.operator), study.cohort.id)).sessions.find(
        (session) => session.number === 5,
      )!
      await submitWork(await reqAs(a.user), { session: week5.id, url: 'https://velog.io/@alice/by-hand' })
      feeds.set('/rss/@alice', {
        body: rss('alice.log', [
          ...alice,
          { title: '5주차 글', link: 'https://velog.io/@alice/week-5', date: '2027-03-25T10:00:00+09:00' },
        ]),
      })
      const round = await poll('2027-03-25T12:00:00', [idOf(a.member)])
      expect(round.newItems).toBe(1)
      expect(round.submissions).toBe(0)
      const cell = await cellOf(a.membership.id, 5, '2027-03-25T12:00:00')
      expect(cell.submission).toMatchObject({ url: 'https://velog.io/@alice/by-hand', source: 'manual' })
    })
  })

  describe('feed status and “check now”', () => {
    test('operators and the member read the health; other operators and members do not', async () => {
      const { a, b } = people()
      const own = await restAs(context, a.user.email, `/members/${idOf(a.member)}/feed`)
      expect(own.status).toBe(200)
      expect(own.body.health).toMatchObject({ url: feeds.url('/rss/@alice'), lastError: null })
      expect(own.body.health.itemsSeen).toBeGreaterThanOrEqual(3)
      expect(own.body.recentItems[0]).toMatchObject({ link: 'https://velog.io/@alice/week-5' })
      expect((await restAs(context, study.operator.email, `/members/${idOf(b.member)}/feed`)).status).toBe(200)
      expect((await restAs(context, b.user.email, `/members/${idOf(a.member)}/feed`)).status).toBe(403)
      const stranger = await createUser(payload, ['operator'])
      expect((await restAs(context, stranger.email, `/members/${idOf(a.member)}/feed`)).status).toBe(403)
      expect((await restAs(context, null, `/members/${idOf(a.member)}/feed`)).status).toBe(401)
      // Feed items and the health fields follow the same rule in the collections' own API.
      const items = await restAs(context, stranger.email, `/member-feed-items?limit=50`)
      expect(items.body.docs).toEqual([])
      const asMember = await restAs(context, b.user.email, `/members/${idOf(a.member)}`)
      expect(asMember.body.feedStatus).toBeUndefined()
      // Nor can a filter ask about them.
      const probe = await restAs(context, b.user.email, '/members?where[feedStatus.lastError][exists]=true')
      expect(probe.status).toBe(400)
    })

    test('check now: once a minute per member, over REST and GraphQL', async () => {
      const { d } = people()
      feeds.set('/dave.xml', { body: rss('dave', []) })
      await payload.update({
        collection: 'members',
        id: idOf(d.member),
        data: { feedStatus: { lastCheckedAt: '2020-01-01T00:00:00.000Z' } } as never,
        overrideAccess: true,
      })
      const first = await restAs(context, study.operator.email, `/members/${idOf(d.member)}/feed/check`, {
        method: 'POST',
      })
      expect(first.status).toBe(200)
      expect(first.body.check).toMatchObject({ result: 'updated', error: null })
      expect(first.body.status.health.lastError).toBeNull()

      const again = await restAs(context, study.operator.email, `/members/${idOf(d.member)}/feed/check`, {
        method: 'POST',
      })
      expect(again.status).toBe(429)
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(again.body.errors[0].message).toMatch(/try again in \d+ s/)

      const schema = configToSchema(payload.config).schema
      const query = await graphql({
        schema,
        source: `{ MemberFeed(member: "${idOf(d.member)}") }`,
        contextValue: { req: await reqAs(study.operator), headers: {} },
      })
      expect((query.data?.MemberFeed as { feedUrl: string }).feedUrl).toBe(feeds.url('/dave.xml'))
      const mutation = await graphql({
        schema,
        source: `mutation { checkMemberFeed(member: "${idOf(d.member)}") }`,
        contextValue: { req: await reqAs(d.user), headers: {} },
      })
      expect(mutation.errors?.[0].message).toMatch(/checked less than a minute ago/)
    })

    test('a feed on a private address is refused unless allowed', async () => {
      const round = await pollMemberFeeds(
        payload,
        { ...settings, allowPrivateHosts: [] },
        {
          memberIds: [idOf(people().a.member)],
        },
      )
      expect(round.checks[0].error).toMatch(/private or local address/)
    })

    test('the jobs queue runs the round on its schedule (hourly by default)', async () => {
      const task = payload.config.jobs.tasks?.find((each) => each.slug === 'pollMemberFeeds')
      expect(task?.schedule).toEqual([{ cron: '0 * * * *', queue: 'default' }])
      const startedAt = Date.now()
      await payload.jobs.queue({ task: 'pollMemberFeeds', input: {} })
      await payload.jobs.run({ limit: 10 })
      // Every active member's feed was checked by the job (a completed job is deleted).
      const { docs } = await payload.find({ collection: 'members', overrideAccess: true, limit: 10 })
      const checked = docs.filter((doc) => Date.parse(doc.feedStatus?.lastCheckedAt ?? '') >= startedAt - 1000)
      expect(checked).toHaveLength(4)
    })
  })
})
