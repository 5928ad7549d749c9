import type { Payload } from 'payload'

import { buildFeed, FEED_LENGTH } from '../../collections/delivery/feeds'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

describe.each(databaseKinds())('feeds on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    const admin = await createUser(payload, ['admin'])
    const day = (index: number) => new Date(Date.UTC(2026, 0, 1 + index)).toISOString()
    // Posts and retrospectives interleaved in time, more than a feed holds, and drafts among them.
    for (let index = 0; index < FEED_LENGTH + 5; index++)
      await payload.create({
        collection: 'posts',
        data: { title: `Post ${index}`, _status: 'published', publishedAt: day(2 * index) },
        user: admin,
      })
    for (let index = 0; index < 4; index++)
      await payload.create({
        collection: 'retrospectives',
        data: {
          period: { kind: 'quarter', year: 2020 + index, index: 1 },
          _status: 'published',
          publishedAt: day(2 * (FEED_LENGTH + index) + 1),
        },
        user: admin,
      })
    await payload.create({
      collection: 'posts',
      data: { title: 'Draft', _status: 'draft', publishedAt: day(1_000) },
      user: admin,
      draft: true,
    })
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('holds the newest published entries of both collections, no more than its length', async () => {
    const feed = await buildFeed(payload, 'rss')
    expect(feed.items).toHaveLength(FEED_LENGTH)
    const titles = feed.items.map((item) => item.title)
    // The newest: the last four retrospectives between the last posts, then posts down to the 50th entry.
    expect(titles.slice(0, 9)).toEqual([
      'Post 54',
      expect.stringContaining('2023'),
      'Post 53',
      expect.stringContaining('2022'),
      'Post 52',
      expect.stringContaining('2021'),
      'Post 51',
      expect.stringContaining('2020'),
      'Post 50',
    ])
    expect(titles.at(-1)).toBe('Post 9')
    expect(titles).not.toContain('Draft')
  })
})
