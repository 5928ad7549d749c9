import { parseDocument } from 'yaml'

import { readHtmlPage, type HtmlShape } from './html'
import { looksLikeMarkdown, nestNumberedHeadings, readPlainTextPage } from './plainText'

/** A file that cannot be imported; the message says why and where. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}

export type SourceShape = 'front-matter' | 'notion' | 'plain-text' | 'markdown' | HtmlShape | 'ghost' | 'feed'

/** What a source file says about its document, before any of it is checked against the CMS. */
export type SourceFile = {
  shape: SourceShape
  /** What the body is written in. */
  format: 'markdown' | 'html'
  title: string | null
  properties: Record<string, unknown>
  /** Property names the importer does not use, reported so nothing is dropped silently. */
  ignored: string[]
  body: string
}

/** Each property the importer reads, under the names front matter and Notion pages use for it. */
const PROPERTY_ALIASES: Record<string, string[]> = {
  title: ['title', '제목', 'name', '이름'],
  date: [
    'date',
    'published',
    'publishedat',
    'published at',
    'created',
    'created time',
    'created at',
    '날짜',
    '작성일',
    '작성일시',
    '발행일',
    '생성일',
    '생성 일시',
  ],
  updated: ['updated', 'updatedat', 'last edited time', 'last edited', '최종 편집 일시', '수정일'],
  tags: ['tags', 'tag', 'categories', 'category', '태그', '카테고리'],
  slug: ['slug', '슬러그', 'permalink'],
  excerpt: ['excerpt', 'summary', 'description', '요약', '설명'],
  canonicalUrl: ['canonicalurl', 'canonical url', 'canonical_url', 'canonical', '원문', '원문 url'],
  draft: ['draft', '초안'],
  status: ['status', '상태'],
  collection: ['collection', 'type', '유형', '종류'],
  period: ['period', '기간'],
  language: ['language', 'lang', '언어'],
  cover: ['cover', 'cover image', 'coverimage', 'image', '커버', '커버 이미지'],
  goals: ['goals', '목표'],
  principles: ['principles', '원칙'],
}
const CANONICAL_NAME = new Map(
  Object.entries(PROPERTY_ALIASES).flatMap(([name, aliases]) => aliases.map((alias) => [alias, name] as const)),
)
const canonicalName = (raw: string) =>
  CANONICAL_NAME.get(
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' '),
  ) ??
  CANONICAL_NAME.get(
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ''),
  )

const isPropertyName = (name: string) => name.length <= 40 && canonicalName(name) !== undefined

function collectProperties(entries: Array<[string, unknown]>) {
  const properties: Record<string, unknown> = {}
  const ignored: string[] = []
  for (const [raw, value] of entries) {
    const name = canonicalName(raw)
    if (name && !(name in properties)) properties[name] = value
    else ignored.push(raw)
  }
  return { properties, ignored }
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/
const FIRST_HEADING = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/

function parseFrontMatter(text: string): SourceFile {
  const match = FRONT_MATTER.exec(text)
  if (!match) throw new ImportError('front matter: the opening "---" has no closing "---" line.')
  const document = parseDocument(match[1], { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length) {
    const [first] = document.errors
    // Lines are counted in the file, after the opening "---".
    const line = first.linePos?.[0]?.line
    throw new ImportError(
      `front matter${line ? ` line ${line + 1}` : ''}: ${first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    )
  }
  const data = document.toJS() as unknown
  if (data !== null && (typeof data !== 'object' || Array.isArray(data)))
    throw new ImportError('front matter must be a list of "name: value" lines.')
  const { properties, ignored } = collectProperties(Object.entries((data ?? {}) as Record<string, unknown>))
  let body = text.slice(match[0].length)
  let title = typeof properties.title === 'string' ? properties.title : null
  if (!title) ({ title, body } = takeFirstHeading(body))
  return { shape: 'front-matter', format: 'markdown', title, properties, ignored, body }
}

function takeFirstHeading(text: string): { title: string | null; body: string } {
  const lines = text.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  const heading = first === -1 ? null : FIRST_HEADING.exec(lines[first].trim())
  if (!heading) return { title: null, body: text }
  return { title: heading[1], body: lines.slice(first + 1).join('\n') }
}

/** A property line right under a Notion page title: `Tags: a, b`. */
const INLINE_PROPERTY = /^([^:#>*`|[\]!\s-][^:]{0,38}?)\s*[:：]\s*(.*)$/

/**
 * Notion's "Export as Markdown" writes the page title as a heading, then one line per property,
 * `Name: value`, or a property's name and value on lines of their own, with blank lines anywhere
 * between. A name the importer does not know counts only as a `Name: value` line directly under
 * another property line, so the body's first paragraph is never taken for a property.
 */
function parseNotion(text: string): SourceFile | null {
  const { title, body } = takeFirstHeading(text)
  if (!title) return null
  const lines = body.split('\n')
  const nextFilled = (from: number) => {
    let index = from
    while (index < lines.length && lines[index].trim() === '') index++
    return index
  }
  const entries: Array<[string, unknown]> = []
  let at = nextFilled(0)
  let previousPropertyEnd = -1
  while (at < lines.length) {
    const line = lines[at].trim()
    const inline = INLINE_PROPERTY.exec(line)
    const name = inline?.[1] ?? line
    if (inline && inline[2] !== '' && !inline[2].startsWith('//')) {
      if (!canonicalName(name) && previousPropertyEnd !== at) break
      entries.push([name, inline[2]])
      at += 1
    } else if (canonicalName(name)) {
      const valueAt = nextFilled(at + 1)
      if (valueAt >= lines.length) break
      entries.push([name, lines[valueAt].trim()])
      at = valueAt + 1
    } else break
    previousPropertyEnd = at
    at = nextFilled(at)
  }
  if (!entries.some(([name]) => canonicalName(name))) return null
  const { properties, ignored } = collectProperties(entries)
  return { shape: 'notion', format: 'markdown', title, properties, ignored, body: lines.slice(at).join('\n') }
}

/**
 * Reads a file in any of the shapes the importer accepts. `plainText` says the file is text by
 * its name (`.txt`); a `.md` file without any Markdown in it that starts like a copied Notion page
 * (a title, then properties as name and value lines) is read as plain text too.
 */
export function parseSource(raw: string, { plainText = false }: { plainText?: boolean } = {}): SourceFile {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const parsed = parseShape(text, plainText)
  return parsed.shape === 'plain-text' ? parsed : { ...parsed, body: nestNumberedHeadings(parsed.body) }
}

function parseShape(text: string, plainText: boolean): SourceFile {
  if (/^---[ \t]*\n/.test(text)) return parseFrontMatter(text)
  if (plainText || !looksLikeMarkdown(text)) {
    const page = readPlainTextPage(text, isPropertyName)
    if (plainText || page.properties.length) {
      const { properties, ignored } = collectProperties(page.properties)
      return { shape: 'plain-text', format: 'markdown', title: page.title, properties, ignored, body: page.body }
    }
  }
  const notion = parseNotion(text)
  if (notion) return notion
  const { title, body } = takeFirstHeading(text)
  return { shape: 'markdown', format: 'markdown', title, properties: {}, ignored: [], body }
}

/** Reads an HTML page (Notion's or Medium's export, a Tistory post page, any other page). */
export function parseHtmlSource(raw: string, fileName: string): SourceFile {
  const page = readHtmlPage(raw.replace(/^\uFEFF/, ''), fileName)
  const { properties, ignored } = collectProperties(Object.entries(page.properties))
  return { shape: page.shape, format: 'html', title: page.title, properties, ignored, body: page.body }
}

/** Tags as a YAML list or a comma-separated line (Notion writes `a, b`). */
export function tagNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，]/) : []
  return [...new Set(list.map((tag) => String(tag).trim().replace(/^#/, '')).filter(Boolean))]
}

/** Notion appends a 32-digit id to exported file names: `2021 1분기 회고 0a1b….md`. */
export function titleFromFileName(fileName: string): string {
  return fileName
    .replace(/\.(md|markdown|txt|html?)$/i, '')
    .replace(/\s+[0-9a-f]{32}$/i, '')
    .trim()
}
