/**
 * Whole blogs from their feeds (issue #15, item 5): RSS 2.0 (velog's, with the full post in the
 * description) and Atom, from a file or from a URL on a loopback server of the test's own; each
 * item once by its link, however often and under whatever title it is imported.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { importWriting } from '../../collections/transfer/importer'
import { nodesOf, textOf } from '../helpers/lexical'
import { root } from '../helpers/server'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

const FEEDS = path.join(root, 'tests/fixtures/feeds')

describe.each(databaseKinds())('importing feeds on %s', (kind) => {
  let test: TestPayload
  let server: http.Server
  let feedURL: string
  let served = fs.readFileSync(path.join(FEEDS, 'velog.xml'), 'utf8')

  beforeAll(async () => {
    test = await startTestPayload(kind)
    server = http.createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
      response.end(served)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    feedURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss/@devlog`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await test?.close()
  })

  const posts = async () =>
    (
      await test.payload.find({
        collection: 'posts',
        sort: 'publishedAt',
        depth: 1,
        overrideAccess: true,
        pagination: false,
      })
    ).docs

  it('refuses a feed on a private or local address, as every outbound request does', async () => {
    const refused = await importWriting(test.payload, feedURL)
    expect(refused.outcomes).toEqual([
      expect.objectContaining({ action: 'failed', reason: expect.stringContaining('private or local address') }),
    ])
    expect(await posts()).toEqual([])
  })

  it('imports each item of an RSS feed from its URL with its full content, date, categories and link', async () => {
    const report = await importWriting(test.payload, feedURL, { allowHosts: ['127.0.0.1'] })
    expect(report.counts).toEqual({ created: 2, updated: 0, skipped: 0, failed: 0 })
    expect(report.outcomes.map((outcome) => outcome.file)).toEqual([
      `${feedURL} › https://velog.io/@devlog/hpa-slow`,
      `${feedURL} › https://velog.io/@devlog/terraform-import`,
    ])
    const [hpa, terraform] = await posts()
    expect(hpa).toMatchObject({
      title: '쿠버네티스 HPA가 늦게 반응할 때',
      publishedAt: '2021-04-01T09:00:00.000Z',
      canonicalUrl: 'https://velog.io/@devlog/hpa-slow',
    })
    expect((hpa.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['kubernetes', 'autoscaling'])
    const nodes = nodesOf(hpa.content)
    expect(nodes.filter((node) => node.type === 'heading').map(textOf)).toEqual(['설정'])
    expect(nodes.find((node) => node.type === 'block')?.fields).toMatchObject({ blockType: 'code', language: 'yaml' })
    // A remote image stays where it is, as a link.
    expect(nodes.find((node) => node.type === 'link' && textOf(node) === 'HPA')?.fields).toMatchObject({
      url: 'https://velog.velcdn.com/images/devlog/post/hpa.png',
    })
    // `content:encoded` wins over the short description.
    expect(terraform.publishedAt).toBe('2023-06-10T03:30:00.000Z')
    expect(nodesOf(terraform.content).find((node) => node.type === 'block')?.fields).toMatchObject({ language: 'hcl' })
  })

  it('imports each item once by its link: unchanged skipped, a retitled one updated in place', async () => {
    expect((await importWriting(test.payload, feedURL, { allowHosts: ['127.0.0.1'] })).counts).toEqual({
      created: 0,
      updated: 0,
      skipped: 2,
      failed: 0,
    })
    const before = await posts()
    // The author renamed a post, and the feed now carries a tracking parameter on its link.
    served = served
      .replace('쿠버네티스 HPA가 늦게 반응할 때', 'HPA가 늦게 반응하는 이유')
      .replace(
        '<link>https://velog.io/@devlog/hpa-slow</link>',
        '<link>https://velog.io/@devlog/hpa-slow?utm_source=rss</link>',
      )
    const again = await importWriting(test.payload, feedURL, { allowHosts: ['127.0.0.1'] })
    expect(again.counts).toEqual({ created: 0, updated: 1, skipped: 1, failed: 0 })
    const after = await posts()
    expect(after).toHaveLength(2)
    expect(after[0]).toMatchObject({ id: before[0].id, slug: before[0].slug, title: 'HPA가 늦게 반응하는 이유' })
  })

  it('reads an Atom feed from a file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-feeds-'))
    fs.copyFileSync(path.join(FEEDS, 'notes.atom'), path.join(folder, 'notes.atom'))
    const report = await importWriting(test.payload, folder)
    expect(report.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 })
    const { docs } = await test.payload.find({
      collection: 'posts',
      where: { title: { equals: 'Reading eBPF maps' } },
      depth: 1,
      overrideAccess: true,
    })
    expect(docs[0]).toMatchObject({
      publishedAt: '2024-03-01T08:00:00.000Z',
      canonicalUrl: 'https://notes.example.com/ebpf-maps',
    })
    expect((docs[0].tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['ebpf', 'linux'])
    expect(
      nodesOf(docs[0].content)
        .filter((node) => node.type === 'listitem')
        .map(textOf),
    ).toEqual(['hash', 'array'])
    fs.rmSync(folder, { recursive: true, force: true })
  })
})
