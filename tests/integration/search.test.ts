import { createLocalReq, type Payload } from 'payload'

import { search } from '../../collections/delivery/search'
import { devlogOptions } from '../../collections/options'
import { doc, heading, paragraph, text } from '../helpers/lexical'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

// Ranked from the index held in memory, and, with SEARCH_MEMORY_LIMIT=0, from database queries.
const modes = databaseKinds().flatMap((kind) => [
  [kind, 'memory', '5000'],
  [kind, 'database queries', '0'],
])

describe.each(modes)('search on %s, ranked from %s', (kind, _mode, memoryLimit) => {
  let ctx: TestPayload
  let payload: Payload
  const find = async (q: string, page = 1, limit = 10) => {
    devlogOptions(payload.config).search.memoryLimit = Number(memoryLimit)
    return search(payload, await createLocalReq({}, payload), q, page, limit)
  }

  beforeAll(async () => {
    ctx = await startTestPayload(kind as 'sqlite' | 'mongodb')
    payload = ctx.payload
    const k8s = await payload.create({ collection: 'tags', data: { name: 'Kubernetes' } })
    const create = (data: Record<string, unknown>, status: 'published' | 'draft' = 'published') =>
      payload.create({ collection: 'posts', data: { _status: status, ...data } as never, draft: status === 'draft' })
    await create({
      title: '쿠버네티스 네트워크 정리',
      publishedAt: '2026-01-01T00:00:00.000Z',
      content: doc(paragraph(text('CNI 플러그인과 Service의 동작을 본다.'))),
    })
    await create({
      title: 'Terraform state',
      tags: [k8s.id],
      publishedAt: '2026-02-01T00:00:00.000Z',
      content: doc(paragraph(text('Remote state for clusters.'))),
    })
    await create({
      title: 'Notes',
      excerpt: 'Upgrade notes.',
      publishedAt: '2026-03-01T00:00:00.000Z',
      content: doc(
        heading('h2', 'kubernetes upgrade'),
        paragraph(text('We upgraded Kubernetes twice. Kubernetes again.')),
      ),
    })
    await create({ title: 'Kubernetes draft secret', content: doc(paragraph(text('kubernetes'))) }, 'draft')
    await payload.create({
      collection: 'retrospectives',
      data: {
        _status: 'published',
        period: { kind: 'year', year: 2025 },
        excerpt: '쿠버네티스 운영을 맡았다',
      } as never,
    })
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('ranks title matches above tag matches above body matches, and never shows drafts', async () => {
    const result = await find('kubernetes')
    expect(result.docs.map((hit) => hit.title)).toEqual(['Terraform state', 'Notes'])
    expect(result.docs[1].snippet).toMatch(/upgraded Kubernetes/)
    expect(JSON.stringify(result)).not.toContain('draft secret')
  })

  it('finds Korean text in titles, bodies and retrospectives', async () => {
    const result = await find('쿠버네티스')
    expect(result.docs.map((hit) => [hit.collection, hit.title])).toEqual([
      ['posts', '쿠버네티스 네트워크 정리'],
      ['retrospectives', '2025년 회고'],
    ])
    expect((await find('CNI 플러그인')).docs.map((hit) => hit.title)).toEqual(['쿠버네티스 네트워크 정리'])
  })

  it('paginates and refuses bad input', async () => {
    const page2 = await find('e', 2, 1)
    expect(page2).toMatchObject({ page: 2, limit: 1, totalPages: page2.totalDocs })
    expect(page2.docs).toHaveLength(1)
    await expect(find('   ')).rejects.toMatchObject({ status: 400 })
    await expect(find('x', 1, 500)).rejects.toMatchObject({ status: 400 })
  })

  it('drops a post from the index when it is unpublished', async () => {
    const post = await payload.create({
      collection: 'posts',
      data: { title: 'Ephemeral zebra', _status: 'published' } as never,
    })
    expect((await find('zebra')).totalDocs).toBe(1)
    await payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' } as never })
    expect((await find('zebra')).totalDocs).toBe(0)
  })
})
