/**
 * SQLite's one-writer lock never waits on its own holder (issue #36, item 2). Payload's
 * forgot-password reserved its request interval with a write made outside the transaction it had
 * just begun, while that transaction held the lock: the request waited on itself until the queue's
 * 30 s timeout, every other write behind it, and no mail was sent. Every auth and collection
 * operation runs here under the lock, each bounded well below that timeout.
 */
import type { Payload } from 'payload'

import { startSmtpSink } from '../helpers/receivers'
import { createUser, restRequest, startTestPayload, type TestPayload } from '../helpers/payload'

/** Well below the write queue's 30 s: an operation waiting on its own lock cannot finish inside it. */
const BOUND_MS = 10_000

async function within<T>(name: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${BOUND_MS} ms`)), BOUND_MS)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

describe('the one-writer lock on SQLite', () => {
  let context: TestPayload
  let payload: Payload
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>

  beforeAll(async () => {
    smtp = await startSmtpSink()
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'blog@devlog.test' })
    context = await startTestPayload('sqlite')
    payload = context.payload
  })

  afterAll(async () => {
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM']) delete process.env[name]
    await context?.close()
    await smtp?.close()
  })

  it('lets every auth operation finish, forgot-password included, and sends the reset mail', async () => {
    const { email } = await createUser(payload, ['editor'])
    const login = (password: string) =>
      within('login', payload.login({ collection: 'users', data: { email, password } }))
    await login('test-password-1')

    const forgot = await within(
      'forgot-password (REST)',
      restRequest(context, '/users/forgot-password', { method: 'POST', body: { email } }),
    )
    expect(forgot.status).toBe(200)
    expect(smtp.messages.filter((message) => message.to.includes(email))).toHaveLength(1)
    expect(smtp.messages.at(-1)!.text).toMatch(/reset/i)

    // The local API's forgot-password, past the interval Payload keeps between two of them.
    await payload.update({ collection: 'users', where: { email: { equals: email } }, data: {} })
    const [user] = (
      await payload.find({ collection: 'users', where: { email: { equals: email } }, showHiddenFields: true })
    ).docs as unknown as { id: number; resetPasswordRequestedAt?: string }[]
    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { resetPasswordRequestedAt: new Date(Date.now() - 60_000).toISOString() },
    })
    const resetToken = await within(
      'forgot-password (local)',
      payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true }),
    )
    expect(typeof resetToken).toBe('string')
    await within(
      'reset-password',
      payload.resetPassword({
        collection: 'users',
        data: { token: resetToken, password: 'a-new-test-password-2' },
        overrideAccess: true,
      }),
    )
    const admin = await payload.login({
      collection: 'users',
      data: { email: 'bootstrap-admin@test.local', password: 'bootstrap-password-1' },
    })
    const unlocked = await within(
      'unlock',
      restRequest(context, '/users/unlock', { method: 'POST', body: { email }, token: admin.token! }),
    )
    expect(unlocked.status).toBe(200)
    // The reset signed every session out: a new one to refresh and end.
    const { token } = await login('a-new-test-password-2')
    const refreshed = await within(
      'refresh',
      restRequest(context, '/users/refresh-token', { method: 'POST', token: token! }),
    )
    expect(refreshed.status).toBe(200)
    const signedOut = await within('logout', restRequest(context, '/users/logout', { method: 'POST', token: token! }))
    expect(signedOut.status).toBe(200)
  }, 60_000)

  it('lets every collection operation finish', async () => {
    const post = await within(
      'create',
      payload.create({ collection: 'posts', data: { title: 'Lock', _status: 'draft' }, draft: true }),
    )
    await within('update by id', payload.update({ collection: 'posts', id: post.id, data: { _status: 'published' } }))
    await within(
      'update many',
      payload.update({ collection: 'posts', where: { id: { equals: post.id } }, data: { excerpt: 'Many' } }),
    )
    const copy = await within('duplicate', payload.duplicate({ collection: 'posts', id: post.id }))
    const { docs: versions } = await payload.findVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
    })
    await within('restore version', payload.restoreVersion({ collection: 'posts', id: versions.at(-1)!.id }))
    await within('delete by id', payload.delete({ collection: 'posts', id: copy.id }))
    await within('delete many', payload.delete({ collection: 'posts', where: { id: { equals: post.id } } }))
    expect((await payload.count({ collection: 'posts', where: { title: { equals: 'Lock' } } })).totalDocs).toBe(0)
  }, 60_000)

  it('keeps a login waiting no more than 100 ms behind a forgot-password', async () => {
    const { email } = await createUser(payload, ['editor'])
    const { email: other } = await createUser(payload, ['editor'])
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now()
      await work()
      return performance.now() - start
    }
    const signIn = () => payload.login({ collection: 'users', data: { email: other, password: 'test-password-1' } })
    // The least of a few trials, so a busy machine's pause is not read as waiting on the lock.
    const delays: number[] = []
    for (let trial = 0; trial < 5; trial++) {
      const alone = await timed(signIn)
      // A fresh interval for each request (Payload keeps 15 s between two per account).
      await payload.db.updateMany({
        collection: 'users',
        where: { email: { equals: email } },
        data: { resetPasswordRequestedAt: null },
      })
      const forgot = restRequest(context, '/users/forgot-password', { method: 'POST', body: { email } })
      const behind = await timed(signIn)
      expect((await forgot).status).toBe(200)
      delays.push(behind - alone)
    }
    expect(Math.min(...delays)).toBeLessThan(100)
  }, 60_000)
})
