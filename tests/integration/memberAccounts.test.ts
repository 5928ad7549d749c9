/**
 * A member profile belongs to an account only by its person's doing or an admin's (issue #36): an
 * operator could attach a new profile to any account without one, read that person's email and
 * phone, keep them from making their own, and learn from the uniqueness error who had a profile.
 */
import type { Payload } from 'payload'

import { startSmtpSink } from '../helpers/receivers'
import { createUser, databaseKinds, restRequest, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy, idOf } from '../helpers/studyGroups'

type Json = Record<string, any>

describe.each(databaseKinds())('member profiles and accounts on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>
  let study: Awaited<ReturnType<typeof createPostingStudy>>

  const tokenOf = async (email: string) =>
    (await payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })).token!
  const as = async (email: string | null, url: string, options: { method?: string; body?: unknown } = {}) =>
    restRequest(context, url, { ...options, token: email ? await tokenOf(email) : undefined })

  beforeAll(async () => {
    smtp = await startSmtpSink()
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'blog@devlog.test' })
    context = await startTestPayload(kind)
    payload = context.payload
    study = await createPostingStudy(payload, { name: '초대', members: 1 })
  })

  afterAll(async () => {
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM']) delete process.env[name]
    await context?.close()
    await smtp?.close()
  })

  it('refuses an operator linking a profile to an account, on create and on update, the same way whoever owns one', async () => {
    const operator = study.operator.email
    const stranger = await createUser(payload, ['member'])
    const withProfile = study.people[0].user
    for (const user of [stranger, withProfile]) {
      const created = await as(operator, '/members', { method: 'POST', body: { displayName: '남', user: user.id } })
      expect(created.status).toBe(403)
      expect(created.body.errors[0].message).toMatch(/^user: only an admin links/)
    }
    const mine = await as(operator, '/members', {
      method: 'POST',
      body: { displayName: '명단에서 온 사람', email: 'roster@test.local' },
    })
    expect(mine.status).toBe(201)
    const relinked = await as(operator, `/members/${mine.body.doc.id}`, {
      method: 'PATCH',
      body: { user: stranger.id },
    })
    expect(relinked.status).toBe(403)
    expect(idOf((await payload.findByID({ collection: 'members', id: mine.body.doc.id, depth: 0 })).user ?? 0)).toBe(0)
    // The stranger still makes their own profile, linked to them whatever they send.
    const own = await as(stranger.email, '/members', {
      method: 'POST',
      body: { displayName: '나', user: withProfile.id },
    })
    expect(own.status).toBe(201)
    expect(idOf(own.body.doc.user)).toBe(stranger.id)
  })

  it('links an operator-made profile when its person claims it with the invitation mailed to the profile', async () => {
    const operator = study.operator.email
    const person = await createUser(payload, ['member'])
    const made = await as(operator, '/members', {
      method: 'POST',
      body: { displayName: '초대받은 사람', email: 'invited@test.local', phone: '010-0000-0000' },
    })
    const id = made.body.doc.id
    // Another group's operator does not reach the profile.
    const other = await createPostingStudy(payload, { name: '다른 스터디', members: 0 })
    expect((await as(other.operator.email, `/members/${id}/invite`, { method: 'POST' })).status).toBe(404)

    const invited = await as(operator, `/members/${id}/invite`, { method: 'POST' })
    expect(invited.status).toBe(200)
    expect(invited.body).toMatchObject({ invited: true, email: 'invited@test.local' })
    const mail = smtp.messages.find((message) => message.to.includes('invited@test.local'))!
    const token = /claim-member\?token=([\w.-]+)/.exec(mail.text)![1]
    expect(mail.text).toContain('초대받은 사람')

    expect((await as(null, '/members/claim', { method: 'POST', body: { token } })).status).toBe(401)
    // A token changed by one character is no invitation.
    const forged = token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))
    expect((await as(person.email, '/members/claim', { method: 'POST', body: { token: forged } })).status).toBe(410)
    expect((await as(person.email, '/members/claim', { method: 'POST', body: { token: 'x'.repeat(40) } })).status).toBe(
      410,
    )
    // Someone who has a profile already cannot take a second.
    const busy = await as(study.people[0].user.email, '/members/claim', { method: 'POST', body: { token } })
    expect(busy.status).toBe(409)
    const claimed = await as(person.email, '/members/claim', { method: 'POST', body: { token } })
    expect(claimed.status).toBe(200)
    expect(claimed.body.member).toMatchObject({ id, displayName: '초대받은 사람' })
    const profile = (await as(person.email, `/members/${id}`)).body as Json
    expect(profile).toMatchObject({ email: 'invited@test.local', phone: '010-0000-0000' })
    expect(idOf(profile.user)).toBe(person.id)
    // An invitation is good once; a linked profile takes no more.
    expect((await as(person.email, '/members/claim', { method: 'POST', body: { token } })).status).toBe(410)
    expect((await as(operator, `/members/${id}/invite`, { method: 'POST' })).status).toBe(409)
  })
})
