/**
 * Writing in the shapes people have it (issue #15): a Notion page copied as plain text, outlines
 * numbered by hand, untitled retrospectives, English and Korean, BOM, mixed line endings and
 * EUC-KR; each imported twice.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { importWriting, type ImportReport } from '../../collections/transfer/importer'
import { importSummary } from '../../src/cli/report'
import { root } from '../helpers/server'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

const SHAPES = path.join(root, 'tests/fixtures/shapes')

type Node = { type: string; tag?: string; text?: string; children?: Node[] }
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')
const blocksOf = (state: unknown) => ((state as { root: Node }).root.children ?? []) as Node[]

const byFile = (report: ImportReport) => Object.fromEntries(report.outcomes.map((outcome) => [outcome.file, outcome]))

async function retrospective(payload: Payload, title: string) {
  const { docs } = await payload.find({
    collection: 'retrospectives',
    where: { title: { equals: title } },
    depth: 0,
    overrideAccess: true,
  })
  expect(docs).toHaveLength(1)
  return docs[0]
}

describe.each(databaseKinds())('importing copied pages, outlines and untitled retrospectives on %s', (kind) => {
  let test: TestPayload
  let folder: string
  let dryRun: ImportReport
  let afterDryRun: number
  let first: ImportReport

  beforeAll(async () => {
    test = await startTestPayload(kind)
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-shapes-'))
    fs.cpSync(SHAPES, folder, { recursive: true })
    dryRun = await importWriting(test.payload, folder, { dryRun: true })
    afterDryRun = (await test.payload.count({ collection: 'retrospectives', overrideAccess: true })).totalDocs
    first = await importWriting(test.payload, folder)
  })
  afterAll(async () => {
    await test?.close()
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it('says in the dry run what each file was read as, and writes nothing', async () => {
    expect(byFile(dryRun)['notion-copied.txt'].detected).toEqual({
      collection: 'retrospectives',
      title: '2022년 2분기 회고',
      period: '2022-Q2',
      date: '2022-07-02',
      tags: ['회고', '커리어'],
      sections: 3,
    })
    expect(byFile(dryRun)['q3-english.txt'].detected).toEqual({
      collection: 'retrospectives',
      title: '2024 Q3 Retrospective',
      period: '2024-Q3',
      date: '2024-09-30',
      tags: ['retro', 'team'],
      sections: 2,
    })
    expect(byFile(dryRun)['2023-outline.txt'].detected).toMatchObject({
      period: '2023',
      title: '2023년 회고',
      sections: 3,
    })
    expect(byFile(dryRun)['old-euc-kr.md'].detected).toMatchObject({ collection: 'posts', title: '오래된 블로그 글' })
    const summary = importSummary(dryRun, folder, 1)
    expect(summary).toMatch(/Detected:\n\s+file\s+kind\s+title\s+period\s+date\s+tags\s+sections\n/)
    expect(summary).toMatch(
      /notion-copied\.txt\s+retrospective\s+2022년 2분기 회고\s+2022-Q2\s+2022-07-02\s+회고, 커리어\s+3/,
    )
    expect(summary).toMatch(/old-euc-kr\.md\s+post\s+오래된 블로그 글\s+–\s+2012-05-01\s+옛글\s+1/)
    // The columns line up on a terminal, where Hangul is two columns wide: the period column
    // starts at the same place in the header and after a Korean title.
    const lines = summary.split('\n')
    const column = (line: string, cell: string) =>
      [...line.slice(0, line.indexOf(cell))].reduce((sum, char) => sum + (/[\uac00-\ud7a3]/.test(char) ? 2 : 1), 0)
    const header = lines.find((line) => /^\s+file\s+kind/.test(line))!
    const notion = lines.find((line) => line.includes('notion-copied.txt'))!
    expect(column(notion, '2022-Q2')).toBe(column(header, 'period'))
    expect(afterDryRun).toBe(0)
  })

  it('imports every file it can read, and says what to do about the one whose year it cannot find', () => {
    expect(first.counts).toEqual({ created: 5, updated: 0, skipped: 0, failed: 1 })
    expect(byFile(first)['untitled-yearly.txt']).toMatchObject({
      action: 'failed',
      reason:
        'period: reads like a yearly retrospective, but no title, date or single year in the text says which; give it with --period 2024 (or 2024-H1, 2024-Q3, 2024-03).',
    })
  })

  it('reads a Notion page copied as plain text: title, properties, headings, lists; the chrome line dropped', async () => {
    const doc = await retrospective(test.payload, '2022년 2분기 회고')
    expect(doc.period).toMatchObject({ kind: 'quarter', year: 2022, index: 2 })
    expect(doc.publishedAt).toBe('2022-07-01T15:00:00.000Z')
    expect(doc.sections!.map((section) => section.heading)).toEqual(['들어가며', '사내 쿠버네티스 스터디', '읽은 책'])
    const books = blocksOf(doc.sections![2].body)
    expect(books.map((block) => block.type)).toEqual(['list'])
    expect(books[0].children!.map(textOf)).toEqual([
      '데이터 중심 애플리케이션 설계',
      '쿠버네티스 패턴',
      '사이트 신뢰성 엔지니어링',
    ])
    expect(JSON.stringify(doc.sections)).not.toContain('Search')
    expect(textOf(blocksOf(doc.sections![0].body)[0])).toBe(
      '석 달 동안 무엇을 했는지 적어 본다. 팀을 옮겼고 새 프로젝트를 시작했다.',
    )
  })

  it('makes numbered outlines sections, and their second-level numbers subheadings inside them', async () => {
    const outline = await retrospective(test.payload, '2023년 회고')
    expect(outline.sections!.map((section) => section.heading)).toEqual(['0. 생각', '1. 직업', '2. 커뮤니티'])
    const work = blocksOf(outline.sections![1].body)
    expect(work.filter((block) => block.type === 'heading').map((block) => [block.tag, textOf(block)])).toEqual([
      ['h3', '1-1. 첫 번째 “퇴사”'],
      ['h3', '1-2. 새 팀'],
    ])
    const markdown = await retrospective(test.payload, '2022년 하반기 회고')
    expect(markdown.sections!.map((section) => section.heading)).toEqual(['1. 일', '2. 공부'])
    expect(blocksOf(markdown.sections![0].body).map((block) => block.tag ?? block.type)).toEqual([
      'paragraph',
      'h3',
      'paragraph',
    ])
  })

  it('reads an untitled outline whose first line is already a numbered heading: sections, titled by --period', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-outline-')), 'outline-only.txt')
    fs.writeFileSync(
      file,
      [
        '0. 들어가며',
        '올해는 이직과 스터디로 바빴다.',
        '',
        '1. 직업',
        '',
        '1-1. 이직',
        '플랫폼 팀으로 옮겼다.',
        '1-2. 온콜',
        '',
        '온콜을 처음 맡았다.',
        '',
        '2. 스터디',
        'CS 스터디를 열었다.',
      ].join('\n'),
    )
    const report = await importWriting(test.payload, file, { period: '2021' })
    expect(report.outcomes[0]).toMatchObject({ action: 'created', slug: '2021년-회고' })
    const doc = await retrospective(test.payload, '2021년 회고')
    expect(doc.sections!.map((section) => section.heading)).toEqual(['0. 들어가며', '1. 직업', '2. 스터디'])
    expect(textOf(blocksOf(doc.sections![0].body)[0])).toBe('올해는 이직과 스터디로 바빴다.')
    const work = blocksOf(doc.sections![1].body)
    expect(work.filter((block) => block.type === 'heading').map((block) => [block.tag, textOf(block)])).toEqual([
      ['h3', '1-1. 이직'],
      ['h3', '1-2. 온콜'],
    ])
  })

  it('titles an English retrospective by its period in English', async () => {
    const doc = await retrospective(test.payload, '2024 Q3 Retrospective')
    expect(doc.language).toBe('en')
    expect(doc.sections!.map((section) => section.heading)).toEqual(['What went well', 'What to change'])
  })

  it('reads an EUC-KR file and says so', async () => {
    expect(byFile(first)['old-euc-kr.md'].warnings).toEqual(['not UTF-8: read as EUC-KR (CP949)'])
    const { docs } = await test.payload.find({
      collection: 'posts',
      where: { title: { equals: '오래된 블로그 글' } },
      overrideAccess: true,
    })
    expect(docs[0].contentHtml).toContain('한글이 깨지지 않아야 한다.')
  })

  it('skips every unchanged file on a second run', async () => {
    const again = await importWriting(test.payload, folder)
    expect(again.counts).toEqual({ created: 0, updated: 0, skipped: 5, failed: 1 })
  })

  it('imports the untitled one with --period, titled by it, once; --as overrides what a file reads like', async () => {
    const file = path.join(folder, 'untitled-yearly.txt')
    const withPeriod = await importWriting(test.payload, file, { period: '2024' })
    expect(withPeriod.outcomes[0]).toMatchObject({
      action: 'created',
      collection: 'retrospectives',
      slug: '2024년-회고',
    })
    const doc = await retrospective(test.payload, '2024년 회고')
    expect(doc.period).toMatchObject({ kind: 'year', year: 2024 })
    expect(textOf(blocksOf(doc.sections![0].body)[0])).toMatch(/^올해는 정말 많은 일이 있었던 한 해였습니다/)
    expect((await importWriting(test.payload, file, { period: '2024' })).counts.skipped).toBe(1)

    const asPost = await importWriting(test.payload, path.join(folder, 'q3-english.txt'), {
      as: 'posts',
      dryRun: true,
    })
    expect(asPost.outcomes[0].detected).toMatchObject({ collection: 'posts', title: 'Q3 retrospective', period: null })
    await expect(importWriting(test.payload, file, { period: '2024-Q5' })).rejects.toThrow(/--period: "2024-Q5"/)
  })
})
