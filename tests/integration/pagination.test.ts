/**
 * A first page's totals without a count query (src/db/countFullPagesOnly.ts): a list answers with
 * the same totals as counting gives, whether its page is short, full, or pinned to one document by
 * a unique field, and the database is asked for a count only when the page cannot tell.
 */
import { jest } from '@jest/globals'
import type { Payload, Where } from 'payload'

import { pinsUniqueField } from '../../src/db/countFullPagesOnly'
import { createUser, databaseKinds, restAs, startTestPayload, type TestPayload } from '../helpers/payload'

describe('pinsUniqueField', () => {
  const unique = new Set(['id', 'slug'])

  it.each<[string, Where, boolean]>([
    ['a unique field equal to a value', { slug: { equals: 'a' } }, true],
    ['the id', { id: { equals: 3 } }, true],
    ['beside other conditions', { title: { like: 'x' }, slug: { equals: 'a' } }, true],
    ['inside an `and`, however deep', { and: [{ title: { like: 'x' } }, { and: [{ slug: { equals: 'a' } }] }] }, true],
    ['a field that is not unique', { title: { equals: 'a' } }, false],
    ['an `or` (one match per branch)', { or: [{ slug: { equals: 'a' } }, { slug: { equals: 'b' } }] }, false],
    ['`null` (a unique column holds many)', { slug: { equals: null } }, false],
    ['another operator', { slug: { in: ['a'] } }, false],
    ['nothing', {}, false],
  ])('%s', (_name, where, pinned) => {
    expect(pinsUniqueField(where, unique)).toBe(pinned)
  })
})

describe.each(databaseKinds())('first pages on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let editor: string

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    editor = (await createUser(payload, ['editor'])).email
    for (const number of [1, 2, 3, 4, 5])
      await payload.create({ collection: 'tags', data: { name: `Paged ${number}` } })
    await payload.create({ collection: 'posts', data: { title: 'Paged published', _status: 'published' } as never })
    await payload.create({ collection: 'posts', data: { title: 'Paged draft', _status: 'draft' } as never })
  })
  afterAll(async () => {
    await context?.close()
  })
  afterEach(() => jest.restoreAllMocks())

  const pagedTags = (limit: number, page = 1) =>
    payload.find({ collection: 'tags', where: { name: { like: 'Paged' } }, sort: 'name', limit, page })
  const totals = ({ docs, ...rest }: { docs: { id: unknown; name?: string | null }[] }) => ({
    ...rest,
    names: docs.map((doc) => doc.name),
  })
  /**
   * The count queries sent to the database for the tags collection: Drizzle's on SQLite, the tag
   * model's on MongoDB (a tag's join to its posts counts posts, which is not counted here).
   */
  const countSpy = () => {
    if (kind === 'sqlite') return jest.spyOn(payload.db as unknown as { countDistinct: () => unknown }, 'countDistinct')
    const models = (payload.db as unknown as { collections: Record<string, { countDocuments: () => unknown }> })
      .collections
    return jest.spyOn(models.tags, 'countDocuments')
  }
  const callsOf = (spy: ReturnType<typeof countSpy>) => spy.mock.calls.length

  it('a short first page is its own count', async () => {
    const count = countSpy()
    expect(totals(await pagedTags(10))).toEqual({
      names: ['Paged 1', 'Paged 2', 'Paged 3', 'Paged 4', 'Paged 5'],
      totalDocs: 5,
      totalPages: 1,
      limit: 10,
      page: 1,
      pagingCounter: 1,
      hasPrevPage: false,
      hasNextPage: false,
      prevPage: null,
      nextPage: null,
    })
    expect(callsOf(count)).toBe(0)
  })

  it('a full first page asks for the count', async () => {
    const count = countSpy()
    expect(totals(await pagedTags(2))).toMatchObject({
      names: ['Paged 1', 'Paged 2'],
      totalDocs: 5,
      totalPages: 3,
      page: 1,
      hasNextPage: true,
      nextPage: 2,
      hasPrevPage: false,
    })
    expect(totals(await pagedTags(5))).toMatchObject({
      totalDocs: 5,
      totalPages: 1,
      hasNextPage: false,
      nextPage: null,
    })
    expect(callsOf(count)).toBe(2)
  })

  it('later pages keep the adapter’s own totals', async () => {
    expect(totals(await pagedTags(2, 3))).toMatchObject({
      names: ['Paged 5'],
      totalDocs: 5,
      totalPages: 3,
      page: 3,
      pagingCounter: 5,
      hasPrevPage: true,
      prevPage: 2,
      hasNextPage: false,
    })
  })

  it('a page with nothing on it says so', async () => {
    const found = await payload.find({ collection: 'tags', where: { name: { equals: 'No such tag' } }, limit: 10 })
    expect(totals(found)).toMatchObject({ names: [], totalDocs: 0, totalPages: 1, hasNextPage: false })
  })

  it('a unique field pinned to a value needs no count, even when it fills its page of one', async () => {
    const count = countSpy()
    const bySlug = await payload.find({ collection: 'tags', where: { slug: { equals: 'paged-3' } }, limit: 1 })
    expect(totals(bySlug)).toMatchObject({ names: ['Paged 3'], totalDocs: 1, totalPages: 1, hasNextPage: false })
    const byId = await payload.find({ collection: 'tags', where: { id: { equals: bySlug.docs[0].id } }, limit: 1 })
    expect(totals(byId)).toMatchObject({ names: ['Paged 3'], totalDocs: 1, totalPages: 1 })
    expect(callsOf(count)).toBe(0)

    // Two unique values in an `or` can be two documents: counted.
    const either = await payload.find({
      collection: 'tags',
      where: { or: [{ slug: { equals: 'paged-1' } }, { slug: { equals: 'paged-2' } }] },
      limit: 1,
    })
    expect(totals(either)).toMatchObject({ totalDocs: 2, totalPages: 2, hasNextPage: true })
    expect(callsOf(count)).toBe(1)
  })

  it('over REST, totals count only what the reader may read', async () => {
    const slugs = 'where[slug][in]=paged-published,paged-draft'
    const anonymous = await restAs(context, null, `/posts?${slugs}&limit=10`)
    expect(anonymous.body).toMatchObject({ totalDocs: 1, totalPages: 1, docs: [{ slug: 'paged-published' }] })
    // A full page of one: the count runs with the same access rule.
    const pageOfOne = await restAs(context, null, `/posts?${slugs}&limit=1`)
    expect(pageOfOne.body).toMatchObject({ totalDocs: 1, totalPages: 1, hasNextPage: false })
    const draftBySlug = await restAs(context, null, '/posts?where[slug][equals]=paged-draft&limit=1')
    expect(draftBySlug.body).toMatchObject({ docs: [], totalDocs: 0 })

    const signedIn = await restAs(context, editor, `/posts?${slugs}&limit=1&sort=title`)
    expect(signedIn.body).toMatchObject({
      totalDocs: 2,
      totalPages: 2,
      hasNextPage: true,
      docs: [{ slug: 'paged-draft' }],
    })
  })
})
