/**
 * A Ghost JSON export in (issue #15, item 5): posts with slugs, status, dates, tags, excerpts,
 * authors matched by email, featured flags and images from the export's `content/images`; pages
 * listed, not imported; imported twice.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { importWriting, type ImportReport } from '../../collections/transfer/importer'
import { nodesOf } from '../helpers/lexical'
import { root } from '../helpers/server'
import { databaseKinds, createUser, startTestPayload, type TestPayload } from '../helpers/payload'

const GHOST = path.join(root, 'tests/fixtures/ghost')
const EXPORT = 'devlog.ghost.2024-12-01.json'

describe.each(databaseKinds())('importing a Ghost export on %s', (kind) => {
  let test: TestPayload
  let folder: string
  let first: ImportReport
  let owner: { id: number | string }

  beforeAll(async () => {
    test = await startTestPayload(kind)
    await createUser(test.payload, ['editor'])
    owner = await test.payload.create({
      collection: 'users',
      data: { email: 'owner@devlog.test', password: 'owner-password-1', name: 'Owner', roles: ['editor'] } as never,
      overrideAccess: true,
    })
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-ghost-'))
    fs.cpSync(GHOST, folder, { recursive: true })
    // Other JSON beside the export is not the import's business.
    fs.writeFileSync(path.join(folder, 'package.json'), '{"name":"casper"}')
    first = await importWriting(test.payload, folder)
  })
  afterAll(async () => {
    await test?.close()
    fs.rmSync(folder, { recursive: true, force: true })
  })

  const byFile = (report: ImportReport) => Object.fromEntries(report.outcomes.map((outcome) => [outcome.file, outcome]))

  it('reports each post of the export, the pages it left out and other JSON it skipped', () => {
    expect(first.counts).toEqual({ created: 3, updated: 0, skipped: 2, failed: 0 })
    expect(byFile(first)[EXPORT]).toMatchObject({
      action: 'skipped',
      reason: 'Ghost pages, which Devlog has no place for: about',
    })
    expect(byFile(first)['package.json']).toMatchObject({ action: 'skipped', reason: 'not a Ghost export' })
    expect(byFile(first)[`${EXPORT} › kubernetes-probes-in-practice`].warnings).toEqual([
      'author Guest Writer <guest@elsewhere.test>: no Devlog account with that email; left out',
    ])
    expect(byFile(first)[`${EXPORT} › draft-about-ebpf`].warnings).toEqual([
      'feature image __GHOST_URL__/content/images/2021/05/cover.png: not downloaded; set a cover',
    ])
  })

  it('keeps slugs, dates, status, tags without internal ones, excerpt, featured and matched authors', async () => {
    const { docs } = await test.payload.find({
      collection: 'posts',
      sort: 'slug',
      depth: 1,
      draft: true,
      overrideAccess: true,
    })
    const bySlug = Object.fromEntries(docs.map((doc) => [doc.slug, doc]))
    expect(Object.keys(bySlug)).toEqual(['draft-about-ebpf', 'kubernetes-probes-in-practice'])
    const probes = bySlug['kubernetes-probes-in-practice']
    expect(probes).toMatchObject({
      title: 'Kubernetes probes in practice',
      _status: 'published',
      publishedAt: '2021-04-01T09:00:00.000Z',
      excerpt: 'What the probes really check.',
      featured: true,
    })
    expect((probes.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['Kubernetes'])
    expect((probes.authors as Array<{ id: unknown }>).map((author) => author.id)).toEqual([owner.id])
    const nodes = nodesOf(probes.content)
    expect(nodes.find((node) => node.type === 'block')?.fields).toMatchObject({ blockType: 'code', language: 'yaml' })
    // The image from the export's content folder is uploaded; Ghost's own address is made relative.
    expect((nodes.find((node) => node.type === 'upload')?.value as { filename: string }).filename).toMatch(
      /probes\.png$/,
    )
    expect(nodes.find((node) => node.type === 'link')?.fields).toMatchObject({ url: '/tag/kubernetes/' })
    expect(bySlug['draft-about-ebpf']).toMatchObject({ _status: 'draft', canonicalUrl: 'https://old.example.com/ebpf' })
  })

  it('makes a retrospective of a post that is one, from epoch-millisecond dates as the migration format allows', async () => {
    const { docs } = await test.payload.find({ collection: 'retrospectives', overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      slug: '2021-q2-retrospective',
      period: { kind: 'quarter', year: 2021, index: 2 },
      publishedAt: '2021-07-01T09:00:00.000Z',
    })
    expect(docs[0].sections!.map((section) => section.heading)).toEqual(['개요', '잘한 것', '아쉬운 것'])
  })

  it('skips every post the second time, and updates the one that changed', async () => {
    expect((await importWriting(test.payload, folder)).counts).toEqual({
      created: 0,
      updated: 0,
      skipped: 5,
      failed: 0,
    })
    const file = path.join(folder, EXPORT)
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Not ready yet.', 'Almost ready.'))
    const third = await importWriting(test.payload, folder)
    expect(third.counts).toEqual({ created: 0, updated: 1, skipped: 4, failed: 0 })
    expect(byFile(third)[`${EXPORT} › draft-about-ebpf`].action).toBe('updated')
  })
})
