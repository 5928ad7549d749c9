/**
 * The sitemap past its per-file limit: an index whose pages are read from the database one by
 * one, in id order, with each page's newest change as its lastmod.
 */
import type { Payload, Where } from 'payload'

import { devlogOptions } from '../../collections/options'
import { createUser, databaseKinds, restRequest, startTestPayload, type TestPayload } from '../helpers/payload'

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
const lastmods = (xml: string) => [...xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1])

describe.each(databaseKinds())('the sitemap on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let postIds: Array<number | string>

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    const admin = await createUser(payload, ['admin'])
    postIds = []
    for (const index of [1, 2, 3, 4, 5]) {
      const post = await payload.create({
        collection: 'posts',
        data: { title: `Sitemap post ${index}`, _status: 'published' },
        user: admin,
      })
      postIds.push(post.id)
    }
    await payload.create({
      collection: 'posts',
      data: { title: 'Sitemap draft', _status: 'draft' },
      draft: true,
      user: admin,
    })
    for (const name of ['sitemap-tag-a', 'sitemap-tag-b']) await payload.create({ collection: 'tags', data: { name } })
  })
  afterAll(async () => {
    await context?.close()
  })

  const get = async (url: string) => {
    const response = await restRequest(context, url)
    return { status: response.status, text: String(response.body) }
  }
  const withUrlsPerFile = async <T>(perFile: number, work: () => Promise<T>) => {
    const options = devlogOptions(payload.config).sitemap
    const before = options.urlsPerFile
    options.urlsPerFile = perFile
    try {
      return await work()
    } finally {
      options.urlsPerFile = before
    }
  }

  it('is one urlset while everything fits, without pages', async () => {
    const root = await get('/sitemap.xml')
    expect(root.text).toContain('<urlset')
    expect(locs(root.text).filter((loc) => loc.includes('/posts/'))).toHaveLength(5)
    expect(root.text).not.toContain('sitemap-draft')
    expect((await get('/sitemaps/1.xml')).status).toBe(404)
  })

  it('past the limit, lists pages of one collection each, in id order, holding every public URL once', async () =>
    withUrlsPerFile(2, async () => {
      const root = await get('/sitemap.xml')
      expect(root.text).toContain('<sitemapindex')
      const pages = locs(root.text)
      // Five posts in three pages, two tags in one.
      expect(pages).toHaveLength(4)
      const urls: string[] = []
      for (const [index, page] of pages.entries()) {
        expect(page).toMatch(new RegExp(`/sitemaps/${index + 1}\\.xml$`))
        const file = await get(`/sitemaps/${index + 1}.xml`)
        expect(file.status).toBe(200)
        expect(file.text).toContain('<urlset')
        // The page's entry in the index carries the newest lastmod of its URLs.
        expect(lastmods(root.text)[index]).toBe(lastmods(file.text).sort().at(-1))
        const collections = new Set(locs(file.text).map((url) => url.split('/').at(-2)))
        expect(collections.size).toBe(1)
        urls.push(...locs(file.text))
      }
      const slugsInOrder = urls.filter((url) => url.includes('/posts/')).map((url) => url.split('/').pop())
      expect(slugsInOrder).toEqual([1, 2, 3, 4, 5].map((index) => `sitemap-post-${index}`))
      expect(urls.filter((url) => url.includes('/tags/'))).toHaveLength(2)
      expect(new Set(urls).size).toBe(urls.length)
      expect((await get('/sitemaps/5.xml')).status).toBe(404)
      expect((await get('/sitemaps/0.xml')).status).toBe(404)
    }))

  it('keeps a changed post on its page and moves only that page’s lastmod', async () =>
    withUrlsPerFile(2, async () => {
      const before = lastmods((await get('/sitemap.xml')).text)
      await new Promise((resolve) => setTimeout(resolve, 5))
      await payload.update({ collection: 'posts', id: postIds[0], data: { title: 'Sitemap post 1, edited' } })
      const after = lastmods((await get('/sitemap.xml')).text)
      expect(after[0] > before[0]).toBe(true)
      expect(after.slice(1)).toEqual(before.slice(1))
      expect(locs((await get('/sitemaps/1.xml')).text).map((url) => url.split('/').pop())).toEqual([
        'sitemap-post-1',
        'sitemap-post-2',
      ])
    }))

  it('reads the index under the same read access as its pages', async () =>
    withUrlsPerFile(2, async () => {
      // The hidden post becomes the newest, so an index that ignored the access would show its time.
      const hidden = postIds[2]
      await payload.update({ collection: 'posts', id: hidden, data: { title: 'Sitemap post 3, hidden' } })
      const access = payload.collections.posts.config.access
      const read = access.read
      access.read = async (args) => {
        const allowed = await read(args)
        const notHidden: Where = { id: { not_equals: hidden } }
        return allowed === true ? notHidden : allowed && { and: [allowed, notHidden] }
      }
      try {
        const root = await get('/sitemap.xml')
        // Four posts in two pages, two tags in one.
        expect(locs(root.text)).toHaveLength(3)
        const urls: string[] = []
        for (const index of [0, 1, 2]) {
          const file = (await get(`/sitemaps/${index + 1}.xml`)).text
          expect(lastmods(root.text)[index]).toBe(lastmods(file).sort().at(-1))
          urls.push(...locs(file))
        }
        expect(urls.filter((url) => url.includes('/posts/')).map((url) => url.split('/').pop())).toEqual(
          [1, 2, 4, 5].map((index) => `sitemap-post-${index}`),
        )
      } finally {
        access.read = read
      }
    }))
})
