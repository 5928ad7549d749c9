/**
 * Accounts as people see them in pickers (authors, operators): by name, never by email.
 */
import type { Payload } from 'payload'

import { up as fillNames } from '../../src/migrations/20261201_021500_users_names'
import { databaseKinds, itWhere, startTestPayload, type DatabaseKind, type TestPayload } from '../helpers/payload'

describe.each(databaseKinds())('account names on %s', (kind: DatabaseKind) => {
  let context: TestPayload
  let payload: Payload

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
  })

  afterAll(async () => {
    await context.close()
  })

  it('are what pickers show', () => {
    expect(payload.collections.users.config.admin.useAsTitle).toBe('name')
  })

  it("default to the email's local part, and keep a name given", async () => {
    const unnamed = await payload.create({
      collection: 'users',
      data: { email: 'Jiwoo.Kim@example.com', password: 'a long enough password' },
    })
    expect(unnamed.name).toBe('jiwoo.kim')
    const named = await payload.create({
      collection: 'users',
      data: { email: 'named@example.com', password: 'a long enough password', name: '  김지우 ' },
    })
    expect(named.name).toBe('김지우')
  })

  itWhere(
    kind === 'sqlite',
    'on MongoDB: a SQLite migration; MongoDB runs without migrations and never stored an account without a name',
  )('are filled in by the migration for accounts stored without one', async () => {
    const user = await payload.create({
      collection: 'users',
      data: { email: 'legacy.account@example.com', password: 'a long enough password' },
    })
    const db = (payload.db as unknown as { drizzle: Parameters<typeof fillNames>[0]['db'] }).drizzle
    await db.run(`UPDATE users SET name = NULL WHERE id = ${Number(user.id)}` as never)
    await fillNames({ db, payload, req: {} as never })
    expect((await payload.findByID({ collection: 'users', id: user.id })).name).toBe('legacy.account')
  })
})
