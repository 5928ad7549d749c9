/**
 * HTML pages in (issue #15, item 4): Notion's "Export as HTML", Medium's export, a Tistory post
 * page and a plain page, through Lexical's HTML conversion with the collection's editor config:
 * headings, lists, code with its language, tables, images, links and quotes; imported twice.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { importWriting, type ImportReport } from '../../collections/transfer/importer'
import { nodesOf, textOf, type StoredNode } from '../helpers/lexical'
import { root } from '../helpers/server'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

const HTML = path.join(root, 'tests/fixtures/html')

describe.each(databaseKinds())('importing HTML pages on %s', (kind) => {
  let test: TestPayload
  let folder: string
  let first: ImportReport

  beforeAll(async () => {
    test = await startTestPayload(kind)
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-html-'))
    fs.cpSync(HTML, folder, { recursive: true })
    first = await importWriting(test.payload, folder)
  })
  afterAll(async () => {
    await test?.close()
    fs.rmSync(folder, { recursive: true, force: true })
  })

  const post = async (title: string) => {
    const { docs } = await test.payload.find({
      collection: 'posts',
      where: { title: { equals: title } },
      depth: 1,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    return docs[0]
  }

  it('imports each page once, and skips them all the second time', async () => {
    expect(first.counts).toEqual({ created: 4, updated: 0, skipped: 0, failed: 0 })
    expect((await importWriting(test.payload, folder)).counts).toEqual({
      created: 0,
      updated: 0,
      skipped: 4,
      failed: 0,
    })
  })

  it("reads Notion's HTML export as a retrospective: properties, sections, its image uploaded, code with its language", async () => {
    const { docs } = await test.payload.find({ collection: 'retrospectives', depth: 1, overrideAccess: true })
    expect(docs).toHaveLength(1)
    const [retrospective] = docs
    expect(retrospective).toMatchObject({
      title: '2021년 3분기 회고',
      period: { kind: 'quarter', year: 2021, index: 3 },
      publishedAt: '2021-10-02T12:30:00.000Z',
    })
    expect((retrospective.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['회고', '스터디'])
    expect(retrospective.sections!.map((section) => section.heading)).toEqual(['개요', '잘한 것', '배운 것'])
    const done = nodesOf(retrospective.sections![1].body)
    expect(done.filter((node) => node.type === 'listitem').map(textOf)).toEqual(['매주 글을 썼다', '스터디를 열었다'])
    const image = done.find((node) => node.type === 'upload') as StoredNode & { value: { filename: string } }
    expect(image.value.filename).toMatch(/board\.png$/)
    const learned = nodesOf(retrospective.sections![2].body)
    expect(learned.find((node) => node.type === 'block')?.fields).toMatchObject({
      blockType: 'code',
      language: 'yaml',
      code: 'apiVersion: v1\nkind: Pod',
    })
    expect(learned.find((node) => node.type === 'quote')).toBeDefined()
    expect(JSON.stringify(retrospective.sections)).not.toContain('alert(1)')
  })

  it("reads Medium's export: title once, subtitle as excerpt, date, canonical link, code, quote, a remote image as a link", async () => {
    const doc = await post('Running Postgres on Kubernetes')
    expect(doc).toMatchObject({
      excerpt: 'What we learned moving our databases',
      publishedAt: '2019-05-01T12:00:00.000Z',
      canonicalUrl: 'https://medium.com/@devlog/running-postgres-on-kubernetes-abc123',
    })
    const nodes = nodesOf(doc.content)
    expect(nodes.filter((node) => node.type === 'heading').map(textOf)).toEqual(['Backups first'])
    expect(nodes.find((node) => node.type === 'block')?.fields).toMatchObject({
      blockType: 'code',
      code: 'kubectl cnpg backup main\nkubectl get backups',
    })
    expect(nodes.find((node) => node.type === 'link' && textOf(node) === 'CloudNativePG')?.fields).toMatchObject({
      url: 'https://cloudnative-pg.io',
    })
    expect(
      nodes.find(
        (node) => node.type === 'link' && textOf(node) === 'https://cdn-images-1.medium.com/max/800/1*abc.png',
      ),
    ).toBeDefined()
    expect(doc.contentHtml).toContain('<blockquote>Test your restores.</blockquote>')
  })

  it('reads a Tistory post page: title, date, tags, a table and code with its language', async () => {
    const doc = await post('테라폼 상태 파일 나누기')
    expect(doc.publishedAt).toBe('2021-04-01T03:00:00.000Z')
    expect((doc.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['terraform', 'IaC'])
    const nodes = nodesOf(doc.content)
    expect(nodes.filter((node) => node.type === 'tablecell').map(textOf)).toEqual([
      '환경',
      '리소스 수',
      'prod',
      '420',
      'dev',
      '80',
    ])
    expect(nodes.find((node) => node.type === 'block')?.fields).toMatchObject({ blockType: 'code', language: 'hcl' })
    expect(nodes.filter((node) => node.type === 'listitem').map(textOf)).toEqual(['모듈로 나눈다', '상태를 옮긴다'])
  })

  it('reads a plain page: its metadata, the article without the repeated title', async () => {
    const doc = await post('Notes on eBPF')
    expect(doc).toMatchObject({
      excerpt: 'What eBPF is good for in operations.',
      publishedAt: '2023-02-10T08:00:00.000Z',
      canonicalUrl: 'https://notes.example.com/ebpf',
    })
    expect((doc.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['ebpf', 'linux'])
    const nodes = nodesOf(doc.content)
    expect(nodes.filter((node) => node.type === 'heading').map(textOf)).toEqual(['Tracing'])
    expect(nodes.find((node) => node.type === 'block')?.fields).toMatchObject({ blockType: 'code', language: 'bash' })
    expect(JSON.stringify(doc.content)).not.toContain('Home')
  })
})
