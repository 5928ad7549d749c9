import type { Payload } from 'payload'

import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

type Role = 'anonymous' | 'member' | 'operator' | 'editor' | 'admin'
type Operation = 'read' | 'create' | 'update' | 'delete'

const ROLES: Role[] = ['anonymous', 'member', 'operator', 'editor', 'admin']
const writers = new Set<Role>(['editor', 'admin'])

/** Who may do what on the blog's collections; `read` here means reading a draft or, for tags and series, any document. */
const expected: Record<'posts' | 'tags' | 'series', (role: Role, operation: Operation) => boolean> = {
  posts: (role) => writers.has(role),
  tags: (role, operation) => operation === 'read' || writers.has(role),
  series: (role, operation) => operation === 'read' || writers.has(role),
}

describe.each(databaseKinds())('access matrix on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  const users: Partial<Record<Role, Awaited<ReturnType<typeof createUser>>>> = {}

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    // Admin first: the very first account of a database always becomes an admin.
    for (const role of [...ROLES].reverse()) if (role !== 'anonymous') users[role] = await createUser(payload, [role])
  })
  afterAll(async () => {
    await ctx?.close()
  })

  const dataFor = (collection: string, suffix: string) =>
    collection === 'tags'
      ? { name: `Tag ${suffix}` }
      : { title: `${collection} ${suffix}`, ...(collection === 'posts' ? { _status: 'draft' } : {}) }

  const attempt = async (
    collection: 'posts' | 'tags' | 'series',
    role: Role,
    operation: Operation,
  ): Promise<boolean> => {
    const user = users[role]
    const as = { user, overrideAccess: false } as const
    const suffix = `${role}-${operation}-${Math.random().toString(36).slice(2, 8)}`
    const existing = await payload.create({
      collection,
      data: dataFor(collection, `seed ${suffix}`) as never,
      draft: collection === 'posts',
    })
    try {
      if (operation === 'read') {
        const { docs } = await payload.find({ collection, where: { id: { equals: existing.id } }, draft: true, ...as })
        return docs.length === 1
      }
      if (operation === 'create')
        await payload.create({
          collection,
          data: dataFor(collection, suffix) as never,
          draft: collection === 'posts',
          ...as,
        })
      if (operation === 'update')
        await payload.update({
          collection,
          id: existing.id,
          data: { [collection === 'tags' ? 'description' : 'title']: 'changed' } as never,
          ...as,
        })
      if (operation === 'delete') await payload.delete({ collection, id: existing.id, ...as })
      return true
    } catch (error) {
      if ((error as { status?: number }).status === 403) return false
      throw error
    }
  }

  for (const collection of ['posts', 'tags', 'series'] as const) {
    for (const role of ROLES) {
      for (const operation of ['read', 'create', 'update', 'delete'] as const) {
        const allowed = expected[collection](role, operation)
        it(`${collection}: ${role} ${allowed ? 'may' : 'may not'} ${operation}`, async () => {
          expect(await attempt(collection, role, operation)).toBe(allowed)
        })
      }
    }
  }

  it('lets anonymous readers read published posts but never drafts', async () => {
    const published = await payload.create({ collection: 'posts', data: { title: 'Public one', _status: 'published' } })
    const draft = await payload.create({
      collection: 'posts',
      data: { title: 'Private one', _status: 'draft' },
      draft: true,
    })
    const { docs } = await payload.find({
      collection: 'posts',
      where: { id: { in: [published.id, draft.id] } },
      draft: true,
      overrideAccess: false,
    })
    expect(docs.map((doc) => doc.id)).toEqual([published.id])
  })
})
