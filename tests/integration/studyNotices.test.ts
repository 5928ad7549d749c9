/**
 * Reminders before deadlines, summaries and the weekly digest after them (issue #16), through a
 * local SMTP sink and a local Slack/Discord receiver: who is reminded (not those who submitted or
 * opted out), in the group's language and time zone, and everything sent once, also when the
 * server restarts between planning and sending or a second instance plans the same week.
 */
import path from 'node:path'

import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'
import { createLocalReq, getPayload, type Payload } from 'payload'

import { devlogConfig } from '../../payload.config'
import { planNotices } from '../../collections/studyGroups/notices/plan'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { textOf, type StoredNode } from '../helpers/lexical'
import { createUser, databaseKinds, restAs, startTestPayload, type TestPayload } from '../helpers/payload'
import { startSmtpSink, startWebhookReceiver } from '../helpers/receivers'
import { createPostingStudy, idOf } from '../helpers/studyGroups'

describe.each(databaseKinds())('studyNotices on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>
  let study: Awaited<ReturnType<typeof createPostingStudy>>
  let sessions: { id: number | string; number: number }[]
  const seoul = (local: string) => new Date(`${local}+09:00`)
  const reqAs = async (user: unknown) => createLocalReq({ user: user as never }, payload)
  const runJobs = async (instance = payload) => {
    for (let round = 0; round < 5; round++) await instance.jobs.run({ limit: 100 })
  }
  const slack = () => hooks.received.filter((each) => each.path === '/slack')
  const discord = () => hooks.received.filter((each) => each.path === '/discord')
  const people = () => {
    const [a, b, c, d] = study.people
    return { a, b, c, d }
  }
  const week = (number: number) => sessions.find((session) => session.number === number)!

  beforeAll(async () => {
    smtp = await startSmtpSink()
    hooks = await startWebhookReceiver()
    Object.assign(process.env, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'study@devlog.test',
      OUTBOUND_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_DELAY_MS: '10',
    })
    context = await startTestPayload(kind)
    payload = context.payload
    study = await createPostingStudy(payload, { members: 4, weeks: 5, start: '2027-03-01' })
    await generateSessions(await reqAs(study.operator), study.cohort.id)
    sessions = (
      await payload.find({ collection: 'study-sessions', where: { cohort: { equals: study.cohort.id } }, limit: 10 })
    ).docs
    await payload.update({
      collection: 'study-groups',
      id: study.group.id,
      data: { notices: { slackWebhookUrl: hooks.url('/slack'), discordWebhookUrl: hooks.url('/discord') } },
    })
    const { a, d } = people()
    // a has submitted week 2; d does not want reminders.
    await payload.create({
      collection: 'submissions',
      data: {
        membership: a.membership.id,
        session: week(2).id as number,
        url: 'https://velog.io/@a/week-2',
        title: '쿠버네티스 네트워크',
        submittedAt: seoul('2027-03-05T10:00:00').toISOString(),
      },
    })
    await payload.update({ collection: 'members', id: idOf(d.member), data: { remindersOptOut: true } })
  })

  afterAll(async () => {
    for (const name of [
      'SMTP_HOST',
      'SMTP_PORT',
      'SMTP_FROM',
      'OUTBOUND_ALLOW_PRIVATE_HOSTS',
      'WEBHOOK_RETRY_DELAY_MS',
    ])
      delete process.env[name]
    await context?.close()
    await smtp?.close()
    await hooks?.close()
  })

  describe('reminders before a deadline', () => {
    test('nothing is due more than 24 hours before the deadline', async () => {
      expect((await planNotices(payload, { now: seoul('2027-03-06T18:00:00') })).queued).toBe(0)
    })

    test('24 hours before: an email to each member who has not submitted, and one message per channel, in Korean', async () => {
      // Week 2's deadline is Sunday 2027-03-07 23:59:59 in Seoul.
      const plan = await planNotices(payload, { now: seoul('2027-03-07T00:30:00') })
      expect(plan.queued).toBe(4)
      expect((await planNotices(payload, { now: seoul('2027-03-07T01:00:00') })).queued).toBe(0)
      await runJobs()

      const { a, b, c, d } = people()
      expect(smtp.messages.map((mail) => mail.to[0]).sort()).toEqual([b.member.email, c.member.email].sort())
      const mail = smtp.messages.find((each) => each.to[0] === b.member.email)!
      expect(mail.subject).toBe('[블로그 포스팅 스터디 3기 2주차] 마감 24시간 전입니다')
      expect(mail.text).toContain('3월 7일 (일) 23:59 (Asia/Seoul)')
      expect(mail.text).toContain(b.member.displayName)
      expect(slack()).toHaveLength(1)
      const text = String(slack()[0].body.text)
      expect(text).toContain('아직 제출하지 않은 분')
      expect(text).toContain(b.member.displayName)
      expect(text).toContain(c.member.displayName)
      expect(text).not.toContain(a.member.displayName)
      expect(text).not.toContain(d.member.displayName)
      expect(discord()).toHaveLength(1)
      expect(discord()[0].body).toMatchObject({ content: text, allowed_mentions: { parse: [] } })

      const log = await restAs(context, study.operator.email, '/study-notices?limit=20&sort=createdAt&depth=0')
      expect(log.body.docs.map((notice: { status: string }) => notice.status)).toEqual(['sent', 'sent', 'sent', 'sent'])
      // The log names recipients, never their addresses.
      expect(JSON.stringify(log.body)).not.toContain(b.member.email)
    })

    test('a failed delivery is retried and logged until it goes through', async () => {
      hooks.failures.set('/discord', 1)
      const before = discord().length
      // Three hours before the deadline (the 24-hour reminder went out already).
      expect((await planNotices(payload, { now: seoul('2027-03-07T21:30:00') })).queued).toBe(4)
      await payload.jobs.run({ limit: 100 })
      const { docs } = await payload.find({
        collection: 'study-notices',
        where: { and: [{ key: { like: ':3:discord' } }, { kind: { equals: 'reminder' } }] },
      })
      expect(docs[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'discord answered HTTP 500' })
      await new Promise((resolve) => setTimeout(resolve, 100))
      await runJobs()
      expect(discord().length).toBe(before + 1)
      const retried = await payload.findByID({ collection: 'study-notices', id: docs[0].id })
      expect(retried).toMatchObject({ status: 'sent', attempts: 2 })
    })
  })

  describe('after the deadline', () => {
    test('operators get the summary and a digest draft is written, once', async () => {
      const mailsBefore = smtp.messages.length
      const plan = await planNotices(payload, { now: seoul('2027-03-08T00:10:00') })
      expect(plan.digests).toHaveLength(1)
      expect((await planNotices(payload, { now: seoul('2027-03-08T03:00:00') })).digests).toEqual([])
      await runJobs()

      const summaries = smtp.messages.slice(mailsBefore)
      expect(summaries.map((mail) => mail.to)).toEqual([[study.operator.email]])
      expect(summaries[0].subject).toBe('📋 블로그 포스팅 스터디 3기 2주차 마감 결과')
      expect(summaries[0].text).toContain('제출 1명')
      expect(summaries[0].text).toContain('패스 사용 3명')
      expect(summaries[0].text).toContain('벌금 0원')
      expect(String(slack().at(-1)!.body.text)).toContain('마감 결과')

      const post = await payload.findByID({ collection: 'posts', id: plan.digests[0], draft: true, depth: 1 })
      expect(post.title).toBe('블로그 포스팅 스터디 3기 2주차 글 모음')
      expect(post._status).toBe('draft')
      expect((post.tags as { name: string }[]).map((tag) => tag.name)).toEqual([study.group.name])
      const body = textOf((post.content as { root: StoredNode }).root)
      expect(body).toContain('쿠버네티스 네트워크')
      expect(body).toContain(people().a.member.displayName)
      expect(JSON.stringify(post.content)).toContain('https://velog.io/@a/week-2')
    })

    test('the digest over REST and GraphQL, for the group’s operators only', async () => {
      const shown = await restAs(context, study.operator.email, `/study-sessions/${week(2).id}/digest`)
      expect(shown.status).toBe(200)
      expect(shown.body).toMatchObject({
        title: '블로그 포스팅 스터디 3기 2주차 글 모음',
        entries: [{ title: '쿠버네티스 네트워크', url: 'https://velog.io/@a/week-2' }],
        post: { status: 'draft' },
      })
      const again = await restAs(context, study.operator.email, `/study-sessions/${week(2).id}/digest`, {
        method: 'POST',
      })
      expect(again.status).toBe(200)
      expect(again.body.created).toBe(false)
      expect((await restAs(context, people().b.user.email, `/study-sessions/${week(2).id}/digest`)).status).toBe(403)
      const stranger = await createUser(payload, ['operator'])
      const result = await graphql({
        schema: configToSchema(payload.config).schema,
        source: `{ SessionDigest(session: "${week(2).id}") }`,
        contextValue: { req: await reqAs(stranger), headers: {} },
      })
      expect(result.errors?.[0].message).toMatch(/not allowed/i)
      // A week nobody submitted for has nothing to list.
      const empty = await restAs(context, study.operator.email, `/study-sessions/${week(3).id}/digest`, {
        method: 'POST',
      })
      expect(empty.status).toBe(409)
    })
  })

  describe('settings', () => {
    test('operators set reminders, language and channels; the settings are theirs to read', async () => {
      const update = await graphql({
        schema: configToSchema(payload.config).schema,
        source: `mutation { updateStudyGroup(id: ${JSON.stringify(study.group.id)}, data: { notices: { language: en, reminderHours: [2] } }) { notices { language reminderHours } } }`,
        contextValue: { req: await reqAs(study.operator), headers: {} },
      })
      expect(update.errors).toBeUndefined()
      expect(update.data?.updateStudyGroup).toEqual({ notices: { language: 'en', reminderHours: [2] } })

      const asMember = await restAs(context, people().b.user.email, `/study-groups/${study.group.id}`)
      expect(asMember.body.notices).toBeUndefined()
      const probe = await restAs(context, null, '/study-groups?where[notices.slackWebhookUrl][like]=127.0.0.1')
      expect(probe.status).toBe(400)
      const bad = await restAs(context, study.operator.email, `/study-groups/${study.group.id}`, {
        method: 'PATCH',
        body: { notices: { slackWebhookUrl: 'https://example.com/hook' } },
      })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].data.errors[0]).toMatchObject({ path: 'notices.slackWebhookUrl' })
      // Only https:// on the standard port, as Slack and Discord give them.
      for (const [field, url] of [
        ['slackWebhookUrl', 'http://hooks.slack.com/services/T0/B0/x'],
        ['slackWebhookUrl', 'https://hooks.slack.com:8443/services/T0/B0/x'],
        ['discordWebhookUrl', 'http://discord.com/api/webhooks/1/x'],
      ]) {
        const plain = await restAs(context, study.operator.email, `/study-groups/${study.group.id}`, {
          method: 'PATCH',
          body: { notices: { [field]: url } },
        })
        expect(plain.status).toBe(400)
        expect(plain.body.errors[0].data.errors[0]).toMatchObject({
          path: `notices.${field}`,
          message: expect.stringMatching(/https:\/\/ address on the standard port/),
        })
      }
      const privateAddress = await restAs(context, study.operator.email, `/study-groups/${study.group.id}`, {
        method: 'PATCH',
        body: { notices: { discordWebhookUrl: 'http://10.0.0.8/api/webhooks/1/x' } },
      })
      expect(privateAddress.status).toBe(400)
      expect(privateAddress.body.errors[0].data.errors[0].message).toMatch(/not one on 10\.0\.0\.8/)
    })

    test('English reminders at the group’s own offset', async () => {
      const before = slack().length
      // Week 3's deadline is 2027-03-14 23:59:59 in Seoul; 2 hours before.
      expect((await planNotices(payload, { now: seoul('2027-03-14T21:00:00') })).queued).toBe(0)
      await planNotices(payload, { now: seoul('2027-03-14T22:30:00') })
      await runJobs()
      const message = String(slack()[before].body.text)
      expect(message).toContain('2 hours to the deadline of 블로그 포스팅 스터디 3기, week 3')
      expect(message).toContain('Not submitted yet:')
    })
  })

  describe('sent once across restarts and instances', () => {
    test('planned on one instance that never sends, then on a fresh one (a restart, or a second instance): each sent once', async () => {
      const databaseURI = context.key
      const mailsBefore = smtp.messages.length
      const slackBefore = slack().length
      // Week 4's deadline is 2027-03-21 23:59:59; the reminder is planned, and this instance runs no jobs.
      const first = await planNotices(payload, { now: seoul('2027-03-21T22:30:00') })
      expect(first.queued).toBeGreaterThan(0)

      const restarted = await getPayload({
        config: await devlogConfig({ databaseURI, mediaDir: path.join(context.dir, 'media') }),
        key: `${databaseURI}#restarted`,
      })
      const [second, third] = await Promise.all([
        planNotices(restarted, { now: seoul('2027-03-21T22:35:00') }),
        planNotices(restarted, { now: seoul('2027-03-21T22:35:00') }),
      ])
      expect(second.queued + third.queued).toBe(0)
      await runJobs(restarted)
      await runJobs(restarted)
      expect(smtp.messages.length - mailsBefore).toBe(first.queued - 2)
      expect(slack().length - slackBefore).toBe(1)
      await restarted.destroy()
    })
  })
})
