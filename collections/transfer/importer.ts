import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { DateTime } from 'luxon'
import { createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { GOAL_STATUSES } from '../retrospectives/constants'
import { markdownToLexical } from '../shared/richtext/markdown'
import { inTransaction, rollsBack } from '../shared/transactions'
import { parseLooseDate, parsePeriodKey, periodFromText, periodKey, RETROSPECTIVE_MARKER } from './periodFromText'
import { periodTitle, type ContentLanguage, type Period } from '../shared/lib/periods'
import { MAX_SLUG_LENGTH, slugify, validateSlug } from '../shared/lib/slugify'
import { allDocuments } from './allDocuments'
import { findImages, isRemote, rewriteImages, splitSections } from './markdownText'
import { normaliseLink } from '../shared/lib/links'
import { getOutbound } from '../shared/lib/outbound'
import { readFeed } from './feed'
import { readGhostExport, type GhostExport } from './ghost'
import { htmlToLexical, imagesInHtml, splitHtmlSections } from './html'
import { ImportError, parseHtmlSource, parseSource, tagNames, titleFromFileName, type SourceFile } from './source'

export type TransferCollection = 'posts' | 'retrospectives'
export type ImportAction = 'created' | 'updated' | 'skipped' | 'failed'

/** What the importer read a file as, for a person to check in a dry run before writing. */
export type Detected = {
  collection: TransferCollection
  title: string
  /** The period's key (`2024`, `2024-Q3`), retrospectives only. */
  period: string | null
  /** The day it was written, in the import's time zone. */
  date: string | null
  tags: string[]
  sections: number
}

export type ImportOutcome = {
  file: string
  action: ImportAction
  collection?: TransferCollection
  slug?: string
  reason?: string
  detected?: Detected
  warnings: string[]
}

export type ImportReport = {
  dryRun: boolean
  /** A dry run written in a transaction rolled back at its end (a database with transactions), not only read. */
  rehearsed: boolean
  outcomes: ImportOutcome[]
  counts: Record<ImportAction, number>
}

export type ImportOptions = {
  dryRun?: boolean
  /** The zone of dates written without one (default Asia/Seoul). */
  timeZone?: string
  /** Every file is a retrospective of this period (`2024`, `2024-H1`, `2024-Q3`, `2024-03`). */
  period?: string
  /** Every file is imported as this, whatever it reads like. */
  as?: TransferCollection
  /** Hosts a feed URL may be on although private or local (tests, development). */
  allowHosts?: readonly string[]
  onFile?: (outcome: ImportOutcome, done: number, total: number) => void
}

type LocalImage = { source: string; alt: string; bytes: Buffer; fileName: string }

/** Everything a file says, checked, before anything is written. */
type Plan = {
  detected: Detected
  /** A feed item's normalised link: the document it updates, whatever its slug. */
  identity?: string
  collection: TransferCollection
  format: SourceFile['format']
  slug: string
  hash: string
  title: string
  data: Record<string, unknown>
  tags: string[]
  body: string
  images: Map<string, LocalImage>
  cover: LocalImage | null
  goals: Array<{ text: string; status: string; note: string | null; area: string | null }>
  warnings: string[]
}

type Known = { collection: TransferCollection; id: number | string; sourceHash: string | null; slug: string }

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
}
const TRANSFER_COLLECTIONS: Record<string, TransferCollection> = {
  post: 'posts',
  posts: 'posts',
  글: 'posts',
  retrospective: 'retrospectives',
  retrospectives: 'retrospectives',
  회고: 'retrospectives',
}
const hasHangul = (text: string) => /[\uac00-\ud7a3]/.test(text)

/** Markdown, plain-text, HTML, Ghost JSON and feed files under a folder (or the one file given), in a stable order. */
export async function listImportFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target).catch(() => null)
  if (!stat) throw new ImportError(`${target} does not exist.`)
  if (stat.isFile()) return [path.resolve(target)]
  const entries = await fs.readdir(target, { recursive: true })
  return entries
    .filter((entry) => /\.(md|markdown|txt|html?|json|xml|rss|atom)$/i.test(entry))
    .filter((entry) => !entry.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((entry) => path.resolve(target, entry))
    .sort()
}

function text(value: unknown, field: string, max?: number): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new ImportError(`${field}: expected text, got ${Array.isArray(value) ? 'a list' : typeof value}.`)
  const result = String(value).trim()
  if (max && result.length > max) throw new ImportError(`${field}: at most ${max} characters, got ${result.length}.`)
  return result || null
}

function isDraft(properties: Record<string, unknown>): boolean {
  const { draft, status } = properties
  if (draft !== undefined && draft !== null) {
    if (typeof draft === 'boolean') return draft
    if (/^(true|yes|y|1)$/i.test(String(draft).trim())) return true
    if (/^(false|no|n|0)$/i.test(String(draft).trim())) return false
    throw new ImportError(`draft: expected true or false, got "${String(draft)}".`)
  }
  if (status === undefined || status === null || status === '') return false
  const value = String(status).trim().toLowerCase()
  if (['draft', '초안', '작성 중', '작성중', 'not started', 'in progress'].includes(value)) return true
  if (['published', 'publish', '발행', '발행됨', '게시', 'done', '완료'].includes(value)) return false
  throw new ImportError(`status: expected draft or published, got "${String(status)}".`)
}

function decodePath(url: string): string {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0])
  } catch {
    return url
  }
}

/**
 * Reads the image `reference` names, relative to `dir`, when it lies inside `root`, the folder
 * given to the import (symbolic links followed): a text cannot publish files from elsewhere on the
 * machine (`../../…`, an absolute path). `outside` when it lies elsewhere; null when it is missing
 * or no image.
 */
async function readImage(
  dir: string,
  root: string,
  reference: string,
  alt: string,
): Promise<LocalImage | 'outside' | null> {
  const file = path.resolve(dir, decodePath(reference))
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()]
  if (!type) return null
  const [real, realRoot] = await Promise.all([fs.realpath(file).catch(() => null), fs.realpath(root)])
  if (!real) return null
  const relative = path.relative(realRoot, real)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return 'outside'
  const bytes = await fs.readFile(real).catch(() => null)
  if (!bytes) return null
  return { source: reference, alt: alt.trim() || path.basename(file), bytes, fileName: path.basename(file) }
}

function periodOf(source: SourceFile, title: string, publishedAt: string | null, zone: string): Period | null {
  if (source.properties.period !== undefined && source.properties.period !== null) {
    const parsed = parsePeriodKey(String(source.properties.period))
    if ('error' in parsed) throw new ImportError(`period: ${parsed.error}`)
    return parsed
  }
  const day = publishedAt ? DateTime.fromISO(publishedAt).setZone(zone).toISODate() : null
  return periodFromText(title, day)
}

function goalsOf(value: unknown): Plan['goals'] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new ImportError('goals: expected a list.')
  return value.map((goal, index) => {
    const entry = typeof goal === 'string' ? { text: goal } : (goal as Record<string, unknown>)
    const goalText = text(entry?.text, `goals[${index + 1}].text`, 300)
    if (!goalText) throw new ImportError(`goals[${index + 1}]: a goal needs a text.`)
    const status = text(entry.status, `goals[${index + 1}].status`) ?? 'planned'
    if (!(GOAL_STATUSES as readonly string[]).includes(status))
      throw new ImportError(`goals[${index + 1}].status: one of ${GOAL_STATUSES.join(', ')}, got "${status}".`)
    return {
      text: goalText,
      status,
      note: text(entry.note, `goals[${index + 1}].note`),
      area: text(entry.area, `goals[${index + 1}].area`),
    }
  })
}

/**
 * The file's text: UTF-8, else EUC-KR (CP949, which older Korean exports use; the WHATWG
 * decoder reads both), with a warning; anything else is refused.
 */
function decodeText(raw: Buffer, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    try {
      const decoded = new TextDecoder('euc-kr', { fatal: true }).decode(raw)
      warnings.push('not UTF-8: read as EUC-KR (CP949)')
      return decoded
    } catch {
      throw new ImportError('not UTF-8 text (nor EUC-KR): save it as UTF-8.')
    }
  }
}

/** Phrases a yearly retrospective is written in, when nothing else says what a file is. */
const RETROSPECTIVE_WORDING =
  /한\s*해(?:였|를|가|는|동안)|올해(?:는|의|도)|내년(?:에는|엔|에도|의)|돌아보(?:며|면|니|는|고)|지난\s*1년|이번\s*해|this year|next year|looking back|the past year/gi

/** Whether an untitled text reads like a retrospective: at least two different such phrases. */
function readsLikeRetrospective(body: string): boolean {
  const phrases = new Set((body.match(RETROSPECTIVE_WORDING) ?? []).map((phrase) => phrase.toLowerCase()))
  return phrases.size >= 2 || RETROSPECTIVE_MARKER.test(body.split('\n').slice(0, 5).join('\n'))
}

/** The only year a text names (`2023년을 보내며`), or null when it names none or several. */
function onlyYearIn(body: string): number | null {
  const years = new Set((body.match(/(?<![\d.])(?:19|20)\d{2}(?=\s*년|\b)/g) ?? []).map(Number))
  return years.size === 1 ? [...years][0] : null
}

/** A title that says nothing but its period (`2022 2/4분기 회고`): the period's own title is used. */
function namesOnlyItsPeriod(title: string): boolean {
  const rest = title
    .toLowerCase()
    .replace(/(?:19|20)\d{2}\s*년?/g, '')
    .replace(
      /[1-4]\s*\/\s*4\s*분기|[1-4]\s*분기|(?<![a-z])q[1-4]|[1-4](?:st|nd|rd|th)\s+quarter|상반기|하반기|h[12]\b|(?:1[0-2]|0?[1-9])\s*월/g,
      '',
    )
    .replace(/회고|retrospective|retro|review|연간|yearly|annual|의|을|를/g, '')
    .replace(/[\s\p{P}]+/gu, '')
  return rest === ''
}

type PlanOverrides = { period: Period | null; as: TransferCollection | null }

/** Reads and checks one file; throws ImportError naming the first problem. */
async function planFile(file: string, zone: string, overrides: PlanOverrides, imageRoot: string): Promise<Plan> {
  const raw = await fs.readFile(file)
  const warnings: string[] = []
  const decoded = decodeText(raw, warnings)
  const source = /\.html?$/i.test(file)
    ? parseHtmlSource(decoded, path.basename(file))
    : parseSource(decoded, { plainText: /\.txt$/i.test(file) })
  return planSource(source, { file, raw, zone, overrides, warnings, imageRoot })
}

/**
 * Checks what a source says and plans its document. `file` names where it came from (its folder
 * holds its images, its name is the title of last resort) and `raw` is what its hash is made of.
 */
async function planSource(
  source: SourceFile,
  {
    file,
    raw,
    zone,
    overrides,
    warnings,
    imageRoot,
  }: {
    file: string
    raw: Buffer
    zone: string
    overrides: PlanOverrides
    warnings: string[]
    /** The folder images may be read from (the one given to the import); null for content fetched from elsewhere. */
    imageRoot: string | null
  },
): Promise<Plan> {
  const { properties } = source
  if (source.ignored.length) warnings.push(`ignored properties: ${source.ignored.join(', ')}`)

  const titled = text(source.title, 'title', 200)
  const written = titled ?? titleFromFileName(path.basename(file))
  let title = written
  if (!title) throw new ImportError('title: none in the front matter, the first heading or the file name.')

  const dateText = text(properties.date, 'date')
  const publishedAt = dateText ? parseLooseDate(dateText, zone) : null
  if (dateText && !publishedAt) throw new ImportError(`date: "${dateText}" is not a date (e.g. 2021-04-01).`)

  const tags = tagNames(properties.tags)
  const tooLong = tags.find((tag) => tag.length > 60)
  if (tooLong) throw new ImportError(`tags: "${tooLong.slice(0, 20)}…" is longer than 60 characters.`)

  const canonicalUrl = text(properties.canonicalUrl, 'canonicalUrl')
  if (canonicalUrl && !/^https?:\/\/\S+$/i.test(canonicalUrl))
    throw new ImportError(`canonicalUrl: "${canonicalUrl}" is not an http(s) URL.`)

  const namedText = text(properties.collection, 'collection')
  if (namedText && !TRANSFER_COLLECTIONS[namedText.toLowerCase()])
    throw new ImportError(`collection: "${namedText}" is neither post nor retrospective.`)
  const named = overrides.as ?? (namedText ? TRANSFER_COLLECTIONS[namedText.toLowerCase()] : null)
  // Without a title of its own, a text is a retrospective by its wording ("…한 해였습니다", "내년에는").
  const untitledRetrospective = !titled && readsLikeRetrospective(source.body)
  const looksRetrospective =
    untitledRetrospective || RETROSPECTIVE_MARKER.test(title) || tags.some((tag) => RETROSPECTIVE_MARKER.test(tag))
  const wanted = named ?? (overrides.period || looksRetrospective ? 'retrospectives' : 'posts')
  let period: Period | null = null
  if (wanted === 'retrospectives') {
    const year = untitledRetrospective && !publishedAt ? onlyYearIn(source.body) : null
    period =
      overrides.period ??
      (titled ? periodOf(source, title, publishedAt, zone) : null) ??
      (year ? periodFromText(String(year)) : periodOf(source, '', publishedAt, zone))
  }
  if (wanted === 'retrospectives' && !period) {
    if (named || untitledRetrospective)
      throw new ImportError(
        `period: ${untitledRetrospective ? 'reads like a yearly retrospective, but no title, date or single year in the text says which' : 'a retrospective needs one (e.g. period: 2024-Q1) or a title naming it'}; give it with --period 2024 (or 2024-H1, 2024-Q3, 2024-03).`,
      )
    warnings.push('reads like a retrospective, but no period is in its title, date or front matter: imported as a post')
  }
  const collection: TransferCollection = period ? 'retrospectives' : 'posts'

  const dir = path.dirname(file)
  const images = new Map<string, LocalImage>()
  for (const image of source.format === 'html' ? imagesInHtml(source.body) : findImages(source.body)) {
    if (!imageRoot || isRemote(image.url) || images.has(image.url) || /^data:/i.test(image.url)) continue
    const found = await readImage(dir, imageRoot, image.url, image.alt)
    if (found === 'outside') warnings.push(`image ${image.url}: outside the folder being imported; kept as a link`)
    else if (found) images.set(image.url, found)
    else warnings.push(`image ${image.url}: not found or not an image next to the file; kept as a link`)
  }
  const coverPath = text(properties.cover, 'cover')
  let cover: LocalImage | null = null
  if (coverPath && !isRemote(coverPath)) {
    const found = imageRoot ? await readImage(dir, imageRoot, coverPath, title) : null
    if (found === 'outside') throw new ImportError(`cover: ${coverPath} is outside the folder being imported.`)
    if (!found) throw new ImportError(`cover: ${coverPath} is not an image next to the file.`)
    cover = found
  }

  const hash = createHash('sha256').update(raw)
  for (const image of [...images.values(), ...(cover ? [cover] : [])]) hash.update(image.bytes)
  // The options change what a file becomes, so a run with them is not "unchanged".
  if (overrides.period || overrides.as) hash.update(JSON.stringify(overrides))

  const language = text(properties.language, 'language') ?? (hasHangul(`${title}\n${source.body}`) ? 'ko' : 'en')
  if (!['ko', 'en'].includes(language)) throw new ImportError(`language: ko or en, got "${language}".`)
  // An untitled retrospective, or one whose title only names its period, is titled by its period.
  // The slug of a titled file still comes from the title it was written with, as it always has,
  // so a file imported before keeps updating the same document.
  if (period && (!titled || namesOnlyItsPeriod(title))) title = periodTitle(period, language as ContentLanguage)
  const slugSource = period && !titled ? title : written
  const slug = text(properties.slug, 'slug') ?? slugify(slugSource).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '')
  const slugProblem = validateSlug(slug)
  if (slugProblem !== true) throw new ImportError(`slug: ${slugProblem}`)
  if (collection === 'retrospectives' && canonicalUrl) warnings.push('canonicalUrl: retrospectives have none; ignored')

  const data: Record<string, unknown> = {
    title,
    slug,
    excerpt: text(properties.excerpt, 'excerpt', 500),
    // Without a date, publishing sets it (and a re-import keeps the one set then).
    ...(publishedAt ? { publishedAt } : {}),
    _status: isDraft(properties) ? 'draft' : 'published',
  }
  if (collection === 'posts') data.canonicalUrl = canonicalUrl
  else {
    data.language = language
    data.period = period
    const principles = properties.principles
    if (principles !== undefined && principles !== null && !Array.isArray(principles))
      throw new ImportError('principles: expected a list.')
    data.principles = ((principles as unknown[] | undefined) ?? []).map((principle, index) => ({
      text: text(principle, `principles[${index + 1}]`, 300),
    }))
  }
  return {
    detected: {
      collection,
      title,
      period: period ? periodKey(period) : null,
      date: publishedAt ? DateTime.fromISO(publishedAt).setZone(zone).toISODate() : null,
      tags,
      sections:
        collection === 'retrospectives'
          ? (source.format === 'html' ? splitHtmlSections : splitSections)(source.body, language).length
          : (source.body.match(source.format === 'html' ? /<h2[\s>]/gi : /^##[ \t]+\S/gm) ?? []).length,
    },
    collection,
    format: source.format,
    slug,
    hash: hash.digest('hex'),
    title,
    data,
    tags,
    body: source.body,
    images,
    cover,
    goals: collection === 'retrospectives' ? goalsOf(properties.goals) : [],
    warnings,
  }
}

/** Tags, areas, uploaded images and documents the run already knows, kept across files. */
class Catalogue {
  tags = new Map<string, number | string>()
  usersByEmail = new Map<string, number | string>()
  areas = new Map<string, number | string>()
  bySlug = new Map<string, Known>()
  byHash = new Map<string, Known>()
  /** Posts by their canonical link: a feed's item is the same post however its title changes. */
  byLink = new Map<string, Known>()

  constructor(private payload: Payload) {}

  /** A copy of what is known now; calling the result puts it back. */
  snapshot(): () => void {
    const maps = [this.tags, this.usersByEmail, this.areas, this.bySlug, this.byHash, this.byLink] as Map<
      string,
      unknown
    >[]
    const copies = maps.map((map) => new Map(map))
    return () =>
      maps.forEach((map, index) => {
        map.clear()
        for (const [key, value] of copies[index]) map.set(key, value)
      })
  }

  async load() {
    type Named = { id: number; name: string; nameEn?: string | null; slug: string }
    for (const tag of await allDocuments<Named>(this.payload, 'tags', { name: true, slug: true })) {
      this.tags.set(tag.name.toLowerCase(), tag.id)
      this.tags.set(tag.slug.toLowerCase(), tag.id)
    }
    type Account = { id: number; email?: string | null }
    for (const user of await allDocuments<Account>(this.payload, 'users', { email: true })) {
      if (user.email) this.usersByEmail.set(user.email.toLowerCase(), user.id)
    }
    const areaFields = { name: true, nameEn: true, slug: true } as const
    for (const area of await allDocuments<Named>(this.payload, 'retrospective-areas', areaFields)) {
      for (const key of [area.name, area.nameEn, area.slug]) if (key) this.areas.set(key.toLowerCase(), area.id)
    }
    type Imported = { id: number; slug: string; sourceHash?: string | null; canonicalUrl?: string | null }
    for (const collection of ['posts', 'retrospectives'] as const) {
      const fields: Record<string, true> =
        collection === 'posts' ? { slug: true, sourceHash: true, canonicalUrl: true } : { slug: true, sourceHash: true }
      for (const doc of await allDocuments<Imported>(this.payload, collection, fields)) {
        this.remember(collection, doc.id, doc.slug, doc.sourceHash ?? null, doc.canonicalUrl ?? null)
      }
    }
  }

  userOf(email: string | null) {
    return email ? this.usersByEmail.get(email) : undefined
  }

  remember(
    collection: TransferCollection,
    id: number | string,
    slug: string,
    sourceHash: string | null,
    link: string | null,
  ) {
    const known = { collection, id, sourceHash, slug }
    this.bySlug.set(`${collection}/${slug}`, known)
    if (sourceHash) this.byHash.set(sourceHash, known)
    if (link) this.byLink.set(normaliseLink(link), known)
  }
}

/** What a failed file created, to be deleted again. */
type Created = {
  collection: 'tags' | 'media' | TransferCollection
  doc: { id: number | string; name?: unknown; slug?: unknown; filename?: string | null; sizes?: unknown }
}

async function removeUploadedFiles(payload: Payload, uploaded: Array<{ filename?: string | null; sizes?: unknown }>) {
  const staticDir = payload.collections.media.config.upload.staticDir
  if (!staticDir) return
  const names = uploaded.flatMap((doc) => [
    doc.filename,
    ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>).map((size) => size?.filename),
  ])
  await Promise.all(names.filter(Boolean).map((name) => fs.rm(path.join(staticDir, name!), { force: true })))
}

class Writer {
  constructor(
    private payload: Payload,
    private catalogue: Catalogue,
  ) {}

  /**
   * Creates or updates the document of a plan with the tags and images it needs: all of it lands,
   * or none. A database with transactions rolls back by itself; on one without them (MongoDB
   * without a replica set) what was created for the file is deleted again. Uploaded files are
   * outside any transaction and are removed either way.
   */
  async write(plan: Plan, existing: Known | undefined): Promise<void> {
    const req = await createLocalReq({}, this.payload)
    const created: Created[] = []
    let transactional = false
    try {
      const doc = await inTransaction(req, () => {
        transactional = rollsBack(req)
        return this.writeDocument(plan, existing, req, created)
      })
      this.remember(plan, doc, created)
    } catch (error) {
      if (!transactional) await this.undo(plan, existing, created)
      await removeUploadedFiles(
        this.payload,
        created.filter((entry) => entry.collection === 'media').map((entry) => entry.doc),
      )
      throw error
    }
  }

  /**
   * A dry run's transaction: every file of the run is written in it as the real run would write
   * it, and it is rolled back at the end (`endRehearsal`), so the dry run meets every refusal the
   * real run would (a period already published, by the database or by an earlier file; a slug
   * taken; a field's own validation). `null` when the database has no transactions (MongoDB
   * without a replica set): the run is then checked as read, not rehearsed.
   */
  async beginRehearsal(): Promise<PayloadRequest | null> {
    const req = await createLocalReq({}, this.payload)
    await initTransaction(req)
    this.restoreCatalogue = this.catalogue.snapshot()
    if (rollsBack(req)) return req
    await killTransaction(req)
    return null
  }

  private restoreCatalogue = () => {}

  /**
   * One file's write in the dry run's transaction; a file that fails leaves nothing of it there.
   * Payload rolls the whole transaction back when one of its operations fails, so the files
   * rehearsed before are then written again in a new one, for the files after to meet them.
   */
  async rehearse(plan: Plan, existing: Known | undefined, req: PayloadRequest): Promise<void> {
    try {
      const doc = await this.writeRehearsed(plan, existing, req)
      this.rehearsed.push({ plan, existing })
      this.remember(plan, doc, [])
    } catch (error) {
      if (!req.transactionID) {
        await initTransaction(req)
        // What the rolled-back writes taught the catalogue is gone with them: learn it again.
        this.restoreCatalogue()
        for (const earlier of this.rehearsed)
          this.remember(earlier.plan, await this.writeRehearsed(earlier.plan, earlier.existing, req), [])
      }
      throw error
    }
  }

  private rehearsed: Array<{ plan: Plan; existing: Known | undefined }> = []

  private async writeRehearsed(plan: Plan, existing: Known | undefined, req: PayloadRequest) {
    const created: Created[] = []
    try {
      const doc = await this.writeDocument(plan, existing, req, created)
      for (const entry of created) {
        if (entry.collection === 'media') this.rehearsedUploads.push(entry.doc)
        if (entry.collection !== 'tags') continue
        this.catalogue.tags.set(String(entry.doc.name).toLowerCase(), entry.doc.id)
        this.catalogue.tags.set(String(entry.doc.slug), entry.doc.id)
      }
      return doc
    } catch (error) {
      // Still in the transaction when the failure was not Payload's: this file's writes go.
      if (req.transactionID) await this.undo(plan, existing, created, req)
      await removeUploadedFiles(
        this.payload,
        created.filter((entry) => entry.collection === 'media').map((entry) => entry.doc),
      )
      throw error
    }
  }

  /** Rolls the dry run's transaction back and removes the files its uploads wrote. */
  async endRehearsal(req: PayloadRequest): Promise<void> {
    await killTransaction(req)
    await removeUploadedFiles(this.payload, this.rehearsedUploads.splice(0))
  }

  private rehearsedUploads: Record<string, unknown>[] = []

  /** What later files of the run must find: the tags made and the document with its slug and hash. */
  private remember(plan: Plan, doc: { id: number | string; slug?: string | null }, created: Created[]) {
    for (const entry of created) {
      if (entry.collection !== 'tags') continue
      this.catalogue.tags.set(String(entry.doc.name).toLowerCase(), entry.doc.id)
      this.catalogue.tags.set(String(entry.doc.slug), entry.doc.id)
    }
    const link = plan.collection === 'posts' ? (plan.data.canonicalUrl as string | null) : null
    this.catalogue.remember(plan.collection, doc.id, doc.slug as string, plan.hash, link ?? null)
  }

  private async writeDocument(plan: Plan, existing: Known | undefined, req: PayloadRequest, created: Created[]) {
    const tagIds = []
    for (const name of plan.tags) {
      const known =
        this.catalogue.tags.get(name.toLowerCase()) ??
        this.catalogue.tags.get(slugify(name)) ??
        created.find((entry) => entry.collection === 'tags' && entry.doc.name === name)?.doc.id
      if (known !== undefined) tagIds.push(known)
      else {
        const tag = await this.payload.create({ collection: 'tags', data: { name }, req, overrideAccess: true })
        created.push({ collection: 'tags', doc: tag })
        tagIds.push(tag.id)
      }
    }
    const media = new Map<string, number | string>()
    for (const image of [...plan.images.values(), ...(plan.cover ? [plan.cover] : [])]) {
      if (!media.has(image.source)) media.set(image.source, await this.upload(image, req, created))
    }
    const data: Record<string, unknown> = {
      ...plan.data,
      tags: tagIds,
      sourceHash: plan.hash,
      ...this.content(plan, media),
    }
    if (plan.cover) data.coverImage = media.get(plan.cover.source)
    // `as never`: one data object serves posts and retrospectives, which a host's generated types keep apart.
    const options = { collection: plan.collection, data: data as never, req, overrideAccess: true, depth: 0 }
    return existing ? this.payload.update({ ...options, id: existing.id }) : this.payload.create(options)
  }

  private async undo(plan: Plan, existing: Known | undefined, created: Created[], req?: PayloadRequest) {
    if (!existing) {
      // A create that failed in an after-change hook has already written its document.
      const { docs } = await this.payload.find({
        collection: plan.collection,
        where: { slug: { equals: plan.slug } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
      if (docs[0]) created.push({ collection: plan.collection, doc: docs[0] })
    }
    for (const { collection, doc } of [...created].reverse()) {
      await this.payload.delete({ collection, id: doc.id, overrideAccess: true, req }).catch(() => undefined)
    }
  }

  /** The Lexical content of a plan, with its local images as uploads (ids from `media`). */
  content(plan: Plan, media: Map<string, number | string>) {
    if (plan.format === 'html') {
      const convert = (fieldPath: string, html: string) =>
        htmlToLexical(this.payload, plan.collection, fieldPath, html, media)
      if (plan.collection === 'posts') return { content: convert('content', plan.body) }
      return {
        sections: splitHtmlSections(plan.body, String(plan.data.language)).map(({ heading, body }) => ({
          heading,
          body: convert('sections.body', body),
        })),
        goals: this.goals(plan),
      }
    }
    const body = rewriteImages(plan.body, (image) => {
      const id = media.get(image.url)
      if (id !== undefined) return `\n\n![media:${id}]()\n\n`
      return `[${image.alt || image.url}](${image.url})`
    })
    if (plan.collection === 'posts') return { content: markdownToLexical(this.payload, 'posts', 'content', body) }
    return {
      sections: splitSections(body, String(plan.data.language)).map(({ heading, body: markdown }) => ({
        heading,
        body: markdownToLexical(this.payload, 'retrospectives', 'sections.body', markdown),
      })),
      goals: this.goals(plan),
    }
  }

  private goals(plan: Plan) {
    return plan.goals.map((goal) => ({
      text: goal.text,
      status: goal.status,
      note: goal.note,
      area: goal.area ? (this.catalogue.areas.get(goal.area.toLowerCase()) ?? null) : null,
    }))
  }

  /** An image already uploaded (same bytes, same name) is linked again rather than copied. */
  private async upload(image: LocalImage, req: PayloadRequest, created: Created[]) {
    const digest = createHash('sha256').update(image.bytes).digest('hex').slice(0, 12)
    const safeName = image.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '-')
    // Exported images already carry their digest.
    const fileName = safeName.startsWith(`${digest}-`) ? safeName : `${digest}-${safeName}`
    const { docs } = await this.payload.find({
      collection: 'media',
      where: { filename: { equals: fileName } },
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    if (docs[0]) return docs[0].id
    const doc = await this.payload.create({
      collection: 'media',
      data: { alt: image.alt },
      file: {
        data: image.bytes,
        name: fileName,
        mimetype: IMAGE_TYPES[path.extname(fileName).toLowerCase()],
        size: image.bytes.length,
      },
      req,
      overrideAccess: true,
    })
    created.push({ collection: 'media', doc })
    return doc.id
  }
}

const FEED_FILE = /\.(xml|rss|atom)$/i
const FEED_LIMITS = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024 }

/**
 * A feed's text from its URL, through the outbound client that refuses private and local
 * addresses (`allowHosts` lets tests reach their own loopback server).
 */
async function fetchFeed(url: string, allowHosts: readonly string[]): Promise<string> {
  const response = await getOutbound(url, {
    ...FEED_LIMITS,
    allowHosts,
    headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1' },
  }).catch((error: Error) => {
    throw new ImportError(`${url}: ${error.message}`)
  })
  if (response.status !== 200) throw new ImportError(`${url}: the server answered ${response.status}.`)
  return decodeText(response.body, [])
}

/** A JSON file read as a Ghost export, or why it cannot be, or that it is other JSON. */
async function readGhostFile(file: string): Promise<GhostExport | { error: string } | { other: true }> {
  try {
    return readGhostExport(decodeText(await fs.readFile(file), [])) ?? { other: true }
  } catch (error) {
    return { error: reasonOf(error) }
  }
}

const reasonOf = (error: unknown): string => {
  if (error instanceof ImportError) return error.message
  const data = (error as { data?: { errors?: Array<{ path?: string; message?: string }> } }).data
  if (data?.errors?.length) return data.errors.map((entry) => `${entry.path}: ${entry.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

/**
 * Imports writing as posts and retrospectives: Markdown (front matter, Notion's export), plain
 * text, HTML pages, Ghost exports and feeds (a folder, a file or a feed's URL). A source already
 * imported unchanged is skipped; a changed one updates its document (found by slug, or by link
 * for a feed's item). Each document is written in its own transaction, so a failure leaves
 * nothing of it behind and never stops the others.
 */
export async function importWriting(
  payload: Payload,
  target: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { dryRun = false, timeZone = 'Asia/Seoul', onFile } = options
  const period = options.period ? parsePeriodKey(options.period) : null
  if (period && 'error' in period) throw new ImportError(`--period: ${period.error}`)
  const overrides: PlanOverrides = { period, as: options.as ?? null }
  const fromURL = /^https?:\/\//i.test(target)
  const files = fromURL ? [target] : await listImportFiles(target)
  const root = fromURL || (await fs.stat(target)).isFile() ? path.dirname(path.resolve(target)) : path.resolve(target)
  const catalogue = new Catalogue(payload)
  await catalogue.load()
  const writer = new Writer(payload, catalogue)
  const slugsThisRun = new Map<string, string>()
  const outcomes: ImportOutcome[] = []
  const rehearsal = dryRun ? await writer.beginRehearsal() : null

  /** Plans, checks and (unless a dry run) writes one document; what happened to it. */
  const importOne = async (name: string, planned: () => Promise<Plan>): Promise<ImportOutcome> => {
    try {
      const plan = await planned()
      const linked = plan.identity ? catalogue.byLink.get(plan.identity) : undefined
      if (linked && linked.collection === plan.collection) {
        // The same item imported before, perhaps under another title: it keeps its slug.
        plan.slug = linked.slug
        plan.data.slug = linked.slug
      }
      const key = `${plan.collection}/${plan.slug}`
      const earlier = slugsThisRun.get(key)
      if (earlier)
        throw new ImportError(`slug: "${plan.slug}" is also the slug of ${earlier}; give one of them its own slug.`)
      slugsThisRun.set(key, name)
      for (const [position, goal] of plan.goals.entries()) {
        if (goal.area && !catalogue.areas.has(goal.area.toLowerCase()))
          plan.warnings.push(`goals[${position + 1}].area: no retrospective area "${goal.area}"; left empty`)
      }
      const base = {
        file: name,
        collection: plan.collection,
        slug: plan.slug,
        detected: plan.detected,
        warnings: plan.warnings,
      }
      const unchanged = catalogue.byHash.get(plan.hash)
      if (unchanged)
        return { ...base, action: 'skipped', slug: unchanged.slug, reason: 'unchanged since it was last imported' }
      const existing = catalogue.bySlug.get(key)
      if (!dryRun) await writer.write(plan, existing)
      else if (rehearsal) await writer.rehearse(plan, existing, rehearsal)
      else writer.content(plan, new Map([...plan.images.keys()].map((url) => [url, 0])))
      return { ...base, action: existing ? 'updated' : 'created' }
    } catch (error) {
      return { file: name, action: 'failed', reason: reasonOf(error), warnings: [] }
    }
  }

  /** Each item of a feed, once by its link; images stay where the feed's content points. */
  const importFeed = async (name: string, text: string, report: (outcome: ImportOutcome) => void) => {
    const items = readFeed(text)
    if (!items) return report({ file: name, action: 'failed', reason: 'not an RSS or Atom feed.', warnings: [] })
    for (const item of items) {
      report(
        await importOne(`${name} › ${item.link || item.source.title}`, async () => {
          const plan = await planSource(item.source, {
            file: name,
            raw: item.raw,
            zone: timeZone,
            overrides,
            warnings: item.warnings,
            imageRoot: null,
          })
          if (item.link) plan.identity = item.link
          return plan
        }),
      )
    }
  }

  for (const [index, file] of files.entries()) {
    const name = fromURL ? file : path.relative(root, file) || path.basename(file)
    const report = (outcome: ImportOutcome) => {
      outcomes.push(outcome)
      onFile?.(outcome, index + 1, files.length)
    }
    if (fromURL || FEED_FILE.test(file)) {
      const text = fromURL
        ? await fetchFeed(file, options.allowHosts ?? []).catch((error: unknown) => error as Error)
        : decodeText(await fs.readFile(file), [])
      if (text instanceof Error) report({ file: name, action: 'failed', reason: text.message, warnings: [] })
      else await importFeed(name, text, report)
      continue
    }
    if (!/\.json$/i.test(file)) {
      report(await importOne(name, () => planFile(file, timeZone, overrides, root)))
      continue
    }
    // A JSON file holds a whole blog: one outcome per post.
    const ghost = await readGhostFile(file)
    if ('error' in ghost) {
      report({ file: name, action: 'failed', reason: ghost.error, warnings: [] })
      continue
    }
    if ('other' in ghost) {
      // Other JSON in a folder of writing (a theme's package.json) is none of the import's business.
      report({ file: name, action: 'skipped', reason: 'not a Ghost export', warnings: [] })
      continue
    }
    if (ghost.skippedPages.length)
      report({
        file: name,
        action: 'skipped',
        reason: `Ghost pages, which Devlog has no place for: ${ghost.skippedPages.join(', ')}`,
        warnings: [],
      })
    for (const post of ghost.posts) {
      report(
        await importOne(`${name} › ${post.key}`, async () => {
          const plan = await planSource(post.source, {
            file,
            raw: post.raw,
            zone: timeZone,
            overrides,
            warnings: post.warnings,
            imageRoot: root,
          })
          if (plan.collection === 'posts') {
            const authors = post.authors.map((author) => ({ ...author, id: catalogue.userOf(author.email) }))
            for (const author of authors.filter((each) => each.id === undefined))
              plan.warnings.push(
                `author ${author.name}${author.email ? ` <${author.email}>` : ''}: no Devlog account with that email; left out`,
              )
            const ids = authors.flatMap((author) => (author.id === undefined ? [] : [author.id]))
            if (ids.length) plan.data.authors = ids
            if (post.featured) plan.data.featured = true
          }
          return plan
        }),
      )
    }
  }

  if (rehearsal) await writer.endRehearsal(rehearsal)
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 }
  for (const outcome of outcomes) counts[outcome.action] += 1
  return { dryRun, rehearsed: Boolean(rehearsal), outcomes, counts }
}
