import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { PayloadRequest, Sort, Where } from 'payload'

import { absolutiseHtml, documentUrl } from '../delivery/urls'
import { devlogOptions } from '../options'
import { isIdText } from '../shared/endpoints'
import type { Id } from '../shared/documents'
import { htmlToText } from '../shared/lib/htmlText'
import { idOf } from '../shared/lib/ids'
import { slugify } from '../shared/lib/slugify'
import { GhostError } from './errors'
import { filterToWhere, type FilterFields } from './nql'

/**
 * Ghost's Content API resources over Devlog's published content: what each browse and read
 * answers, field by field as Ghost's own serializers give them.
 */

type Media = { url?: string | null; alt?: string | null; caption?: string | null } | null
type TagDoc = {
  id: Id
  name: string
  slug?: string | null
  description?: string | null
  colour?: string | null
  postCount?: number | null
}
type UserDoc = {
  id: Id
  name?: string | null
  bio?: string | null
  avatar?: Media | Id
  links?: { label: string; url: string }[] | null
}
type PostDoc = {
  id: Id
  title: string
  slug?: string | null
  excerpt?: string | null
  contentHtml?: string | null
  readingTime?: number | null
  coverImage?: Media | Id
  tags?: (TagDoc | Id)[] | null
  authors?: (UserDoc | Id)[] | null
  publishedAt?: string | null
  canonicalUrl?: string | null
  featured?: boolean | null
  meta?: { title?: string | null; description?: string | null; image?: Media | Id } | null
  createdAt: string
  updatedAt: string
}

export type Resource = 'posts' | 'pages' | 'tags' | 'authors'
export type Query = {
  include: Set<string>
  fields: string[] | null
  formats: Set<string>
  limit: number
  page: number
  sort: string[] | null
  filter: string | null
}

const MAX_LIMIT = 100
const DEFAULT_LIMIT = 15

const bad = (message: string) => new GhostError('BadRequestError', message, 'INVALID_REQUEST')

const list = (raw: string | null) =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** Ghost's query parameters, checked: a bad one is a 400 naming it. */
export function readQuery(searchParams: URLSearchParams, orderable: Record<string, string>): Query {
  const limitText = searchParams.get('limit')
  let limit = DEFAULT_LIMIT
  if (limitText === 'all') limit = MAX_LIMIT
  else if (limitText !== null) {
    limit = Number(limitText)
    if (!Number.isInteger(limit) || limit < 1)
      throw bad(`limit: "${limitText}" is not a whole number of at least 1 or "all".`)
    limit = Math.min(limit, MAX_LIMIT)
  }
  const pageText = searchParams.get('page')
  const page = pageText === null ? 1 : Number(pageText)
  if (!Number.isInteger(page) || page < 1) throw bad(`page: "${pageText}" is not a whole number of at least 1.`)
  const order = list(searchParams.get('order'))
  const sort = order.length
    ? order.map((term) => {
        const [field, direction = 'asc'] = term.split(/\s+/)
        const path = orderable[field]
        if (!path || !/^(asc|desc)$/i.test(direction))
          throw bad(`order: "${term}" is not one of ${Object.keys(orderable).join(', ')} with asc or desc.`)
        return direction.toLowerCase() === 'desc' ? `-${path}` : path
      })
    : null
  const formats = new Set(list(searchParams.get('formats')))
  return {
    include: new Set(list(searchParams.get('include'))),
    fields: searchParams.has('fields') ? list(searchParams.get('fields')) : null,
    // Ghost sends html unless formats are asked for; mobiledoc and lexical are not offered.
    formats: formats.size
      ? new Set([...formats].filter((format) => format === 'html' || format === 'plaintext'))
      : new Set(['html']),
    limit,
    page,
    sort,
    filter: searchParams.get('filter'),
  }
}

/** `2024-03-02T11:00:00.000+00:00`: Ghost's date format, in the site's zone (UTC). */
const ghostDate = (iso: string | null | undefined) =>
  iso ? DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ") : null

/** A stable UUID for a document, as Ghost gives each post one. */
function uuidOf(collection: string, id: Id): string {
  const hex = createHash('sha1').update(`devlog:${collection}:${id}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const populated = <T extends object>(value: T | Id | null | undefined): T | null =>
  value !== null && typeof value === 'object' ? value : null

function context(req: PayloadRequest) {
  const { site } = devlogOptions(req.payload.config)
  const absolute = (url: string | null | undefined) =>
    url ? (/^https?:\/\//.test(url) ? url : `${site.serverURL}${url.startsWith('/') ? '' : '/'}${url}`) : null
  return { site, absolute }
}
type Context = ReturnType<typeof context>

/** Users have no slug: theirs is made from the name, as Ghost makes one for each staff user. */
export const authorSlug = (user: Pick<UserDoc, 'id' | 'name'>) => slugify(user.name ?? '') || `author-${user.id}`

const SOCIAL_NULLS = {
  og_image: null,
  og_title: null,
  og_description: null,
  twitter_image: null,
  twitter_title: null,
  twitter_description: null,
  meta_title: null,
  meta_description: null,
}

function tagObject(tag: TagDoc, { site }: Context, query: Query) {
  return {
    id: String(tag.id),
    name: tag.name,
    slug: tag.slug ?? slugify(tag.name),
    description: tag.description ?? null,
    feature_image: null,
    visibility: 'public',
    ...SOCIAL_NULLS,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: tag.colour ?? null,
    url: documentUrl(site, 'tags', tag.slug ?? slugify(tag.name)),
    ...(query.include.has('count.posts') ? { count: { posts: tag.postCount ?? 0 } } : {}),
  }
}

function authorObject(user: UserDoc, { site, absolute }: Context, query: Query, postCount?: number) {
  const website = user.links?.[0]?.url ?? null
  const slug = authorSlug(user)
  return {
    id: String(user.id),
    name: user.name ?? null,
    slug,
    profile_image: absolute(populated<NonNullable<Media>>(user.avatar)?.url),
    cover_image: null,
    bio: user.bio ?? null,
    website,
    location: null,
    facebook: null,
    twitter: null,
    threads: null,
    bluesky: null,
    mastodon: null,
    tiktok: null,
    youtube: null,
    instagram: null,
    linkedin: null,
    meta_title: null,
    meta_description: null,
    url: `${site.frontendURL.replace(/\/$/, '')}/authors/${encodeURIComponent(slug)}/`,
    ...(query.include.has('count.posts') ? { count: { posts: postCount ?? 0 } } : {}),
  }
}

function postObject(post: PostDoc, ctx: Context, query: Query) {
  const html = post.contentHtml ? absolutiseHtml(post.contentHtml, ctx.site.serverURL) : null
  // Walks the whole body, so only when the reader asked for it or the post has no excerpt.
  const plaintext = () => htmlToText(post.contentHtml ?? '')
  const cover = populated<NonNullable<Media>>(post.coverImage)
  const tags = (post.tags ?? []).map((tag) => populated<TagDoc>(tag)).filter((tag): tag is TagDoc => tag !== null)
  const authors = (post.authors ?? [])
    .map((user) => populated<UserDoc>(user))
    .filter((user): user is UserDoc => user !== null)
  const metaImage = ctx.absolute(populated<NonNullable<Media>>(post.meta?.image)?.url)
  const object: Record<string, unknown> = {
    id: String(post.id),
    uuid: uuidOf('posts', post.id),
    title: post.title,
    slug: post.slug ?? '',
    ...(query.formats.has('html') ? { html } : {}),
    ...(query.formats.has('plaintext') ? { plaintext: plaintext() } : {}),
    comment_id: String(post.id),
    feature_image: ctx.absolute(cover?.url),
    feature_image_alt: cover?.alt || null,
    feature_image_caption: cover?.caption || null,
    featured: Boolean(post.featured),
    visibility: 'public',
    created_at: ghostDate(post.createdAt),
    updated_at: ghostDate(post.updatedAt),
    published_at: ghostDate(post.publishedAt),
    custom_excerpt: post.excerpt || null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: post.canonicalUrl || null,
    ...(query.include.has('tags')
      ? {
          tags: tags.map((tag) => tagObject(tag, ctx, query)),
          primary_tag: tags[0] ? tagObject(tags[0], ctx, query) : null,
        }
      : {}),
    ...(query.include.has('authors')
      ? {
          authors: authors.map((user) => authorObject(user, ctx, query)),
          primary_author: authors[0] ? authorObject(authors[0], ctx, query) : null,
        }
      : {}),
    url: documentUrl(ctx.site, 'posts', post.slug ?? String(post.id)),
    excerpt: post.excerpt || plaintext().slice(0, 500),
    reading_time: post.readingTime ?? 0,
    access: true,
    comments: false,
    og_image: metaImage,
    og_title: post.meta?.title || null,
    og_description: post.meta?.description || null,
    twitter_image: metaImage,
    twitter_title: post.meta?.title || null,
    twitter_description: post.meta?.description || null,
    meta_title: post.meta?.title || null,
    meta_description: post.meta?.description || null,
    email_subject: null,
    frontmatter: null,
  }
  return object
}

/** `fields=title,url`: only those keys, as Ghost answers. */
const pick = (object: Record<string, unknown>, fields: string[] | null) =>
  fields ? Object.fromEntries(fields.filter((field) => field in object).map((field) => [field, object[field]])) : object

export type Envelope = Record<string, unknown>

/** Ghost's pagination block: `pages` at least 1, `next`/`prev` null at the edges. */
const pagination = (page: number, limit: number, total: number) => {
  const pages = Math.max(1, Math.ceil(total / limit))
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null }
}

const notFound = (what: string) => new GhostError('NotFoundError', `${what} not found.`, null)

type PublishedAuthors = Map<string, { user: UserDoc; posts: number }>

/**
 * The users who have written a published post, with how many, for authors and author filters:
 * read once per request, since a filter on authors and the authors' own list both need it.
 */
function publishedAuthors(req: PayloadRequest): Promise<PublishedAuthors> {
  return ((req.context.ghostPublishedAuthors as Promise<PublishedAuthors> | undefined) ??= readPublishedAuthors(req))
}

async function readPublishedAuthors(req: PayloadRequest): Promise<PublishedAuthors> {
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { _status: { equals: 'published' } },
    select: { authors: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const counts = new Map<string, number>()
  for (const post of docs as { authors?: unknown[] | null }[])
    for (const author of post.authors ?? [])
      counts.set(String(idOf(author)), (counts.get(String(idOf(author))) ?? 0) + 1)
  if (!counts.size) return new Map()
  const { docs: users } = await req.payload.find({
    collection: 'users',
    where: { id: { in: [...counts.keys()] } },
    depth: 1,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return new Map(
    (users as unknown as UserDoc[]).map((user) => [String(user.id), { user, posts: counts.get(String(user.id)) ?? 0 }]),
  )
}

/**
 * A filter on the slugs of a post's tags or authors. "Has x" matches a post with x among them;
 * "has not x" (`tag:-x`, `tags:-[x,y]`) a post with none of them, which a condition on the
 * relationship's rows cannot say: it becomes "not one of the posts that have x".
 */
const slugsOfRelation = (
  req: PayloadRequest,
  path: 'tags' | 'authors',
  having: (slugs: string[]) => Promise<Where>,
): FilterFields[string] => ({
  resolve: async (operator, values) => {
    const slugs = values.map(String)
    if (operator === 'equals' || operator === 'in') return having(slugs)
    if (operator !== 'not_equals' && operator !== 'not_in')
      throw new GhostError('BadRequestError', `filter: ${path} are matched by slug only (:, -, [ ]).`, 'INVALID_FILTER')
    const { docs } = await req.payload.find({
      collection: 'posts',
      where: { and: [{ _status: { equals: 'published' } }, await having(slugs)] },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: false,
      req,
    })
    return { id: { not_in: docs.map((doc) => doc.id) } }
  },
})

/** The published authors a list of slugs names, as a condition on a post's authors. */
const authorsNamed =
  (req: PayloadRequest) =>
  async (slugs: string[]): Promise<Where> => {
    const ids = [...(await publishedAuthors(req)).values()]
      .filter(({ user }) => slugs.includes(authorSlug(user)))
      .map(({ user }) => user.id)
    return ids.length ? { authors: { in: ids } } : { id: { exists: false } }
  }

const POST_ORDER = {
  published_at: 'publishedAt',
  updated_at: 'updatedAt',
  created_at: 'createdAt',
  title: 'title',
  slug: 'slug',
  featured: 'featured',
  id: 'id',
}
const TAG_ORDER = { name: 'name', slug: 'slug', created_at: 'createdAt', updated_at: 'updatedAt', id: 'id' }
const AUTHOR_ORDER = { name: 'name', id: 'id' }

function postFilterFields(req: PayloadRequest): FilterFields {
  return {
    id: { path: 'id', value: 'id' },
    slug: { path: 'slug', value: 'text' },
    title: { path: 'title', value: 'text' },
    featured: { path: 'featured', value: 'boolean' },
    published_at: { path: 'publishedAt', value: 'date' },
    updated_at: { path: 'updatedAt', value: 'date' },
    created_at: { path: 'createdAt', value: 'date' },
    'tags.slug': slugsOfRelation(req, 'tags', async (slugs) => ({ 'tags.slug': { in: slugs } })),
    'tags.id': { path: 'tags', value: 'id' },
    'authors.slug': slugsOfRelation(req, 'authors', authorsNamed(req)),
    'authors.id': { path: 'authors', value: 'id' },
    // Every post a key sees is public and published.
    visibility: { resolve: (operator, values) => matchesConstant('public', operator, values) },
    status: { resolve: (operator, values) => matchesConstant('published', operator, values) },
  }
}

/** A field whose value is the same on every document: all of them or none. */
function matchesConstant(constant: string, operator: string, values: unknown[]): Where {
  const matches =
    operator === 'equals' || operator === 'in'
      ? values.map(String).includes(constant)
      : operator === 'not_equals' || operator === 'not_in'
        ? !values.map(String).includes(constant)
        : false
  return matches ? { id: { exists: true } } : { id: { exists: false } }
}

const POST_ALIASES = {
  tag: 'tags.slug',
  tags: 'tags.slug',
  author: 'authors.slug',
  authors: 'authors.slug',
  // Devlog keeps no separate primary tag or author: the first is primary, and a filter matches any.
  primary_tag: 'tags.slug',
  primary_author: 'authors.slug',
}

/** A resource kept in a collection of its own: posts (published only) and tags (with published posts). */
type Stored = {
  collection: 'posts' | 'tags'
  base: Where
  defaultSort: string
  depth: number
  filterFields: (req: PayloadRequest) => FilterFields
  aliases?: Record<string, string>
  serialize: (doc: never, ctx: Context, query: Query) => Record<string, unknown>
}

const STORED: Record<'posts' | 'tags', Stored> = {
  posts: {
    collection: 'posts',
    base: { _status: { equals: 'published' } },
    defaultSort: '-publishedAt',
    depth: 1,
    filterFields: postFilterFields,
    aliases: POST_ALIASES,
    serialize: (post: PostDoc, ctx, query) => postObject(post, ctx, query),
  },
  tags: {
    collection: 'tags',
    // Ghost's public tags are those with published posts.
    base: { postCount: { greater_than: 0 } },
    defaultSort: 'name',
    depth: 0,
    filterFields: () => ({
      id: { path: 'id', value: 'id' },
      slug: { path: 'slug', value: 'text' },
      name: { path: 'name', value: 'text' },
      visibility: { resolve: (operator, values) => matchesConstant('public', operator, values) },
    }),
    serialize: (tag: TagDoc, ctx, query) => tagObject(tag, ctx, query),
  },
}

async function browseStored(
  req: PayloadRequest,
  resource: 'posts' | 'tags',
  query: Query,
  extra: Where[] = [],
): Promise<Envelope> {
  const spec = STORED[resource]
  const filter = query.filter ? await filterToWhere(query.filter, spec.filterFields(req), spec.aliases) : null
  const result = await req.payload.find({
    collection: spec.collection,
    where: { and: [spec.base, ...(filter ? [filter] : []), ...extra] },
    sort: (query.sort ?? [spec.defaultSort]) as Sort,
    limit: query.limit,
    page: query.page,
    depth: spec.depth,
    overrideAccess: false,
    req,
  })
  const ctx = context(req)
  return {
    [resource]: result.docs.map((doc) => pick(spec.serialize(doc as never, ctx, query), query.fields)),
    meta: { pagination: pagination(query.page, query.limit, result.totalDocs) },
  }
}

async function browseAuthors(req: PayloadRequest, query: Query, match?: (user: UserDoc) => boolean): Promise<Envelope> {
  const authors = [...(await publishedAuthors(req)).values()].filter(({ user }) => !match || match(user))
  let filtered = authors
  if (query.filter) {
    // Authors are few: the filter narrows the published authors' ids, then slugs and names are matched here.
    const where = await filterToWhere(query.filter, {
      id: { path: 'id', value: 'id' },
      slug: {
        resolve: (operator, values) => ({
          id: {
            [operator === 'equals' || operator === 'in' ? 'in' : 'not_in']: authors
              .filter(({ user }) => values.map(String).includes(authorSlug(user)))
              .map(({ user }) => user.id),
          },
        }),
      },
      name: { path: 'name', value: 'text' },
    })
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { and: [{ id: { in: authors.map(({ user }) => user.id) } }, where] },
      select: { name: true },
      depth: 0,
      pagination: false,
      overrideAccess: false,
      req,
    })
    const kept = new Set(docs.map((doc) => String(doc.id)))
    filtered = authors.filter(({ user }) => kept.has(String(user.id)))
  }
  const [field, direction] = (query.sort?.[0] ?? 'name').startsWith('-')
    ? [query.sort![0].slice(1), -1]
    : [query.sort?.[0] ?? 'name', 1]
  filtered.sort(
    (a, b) =>
      direction *
      String(a.user[field as keyof UserDoc] ?? '').localeCompare(String(b.user[field as keyof UserDoc] ?? ''), 'ko'),
  )
  const ctx = context(req)
  const start = (query.page - 1) * query.limit
  return {
    authors: filtered
      .slice(start, start + query.limit)
      .map(({ user, posts }) => pick(authorObject(user, ctx, query, posts), query.fields)),
    meta: { pagination: pagination(query.page, query.limit, filtered.length) },
  }
}

function settings(req: PayloadRequest): Envelope {
  const { site } = devlogOptions(req.payload.config)
  return {
    settings: {
      title: site.title,
      description: site.description,
      logo: null,
      icon: null,
      accent_color: null,
      cover_image: null,
      facebook: null,
      twitter: null,
      lang: site.language,
      locale: site.language,
      timezone: 'Etc/UTC',
      codeinjection_head: null,
      codeinjection_foot: null,
      navigation: [],
      secondary_navigation: [],
      ...SOCIAL_NULLS,
      url: site.frontendURL.endsWith('/') ? site.frontendURL : `${site.frontendURL}/`,
      version: '6.0',
    },
    meta: {},
  }
}

/** What a 404 names: "Post not found." */
const NOUN: Record<Resource, string> = { posts: 'Post', pages: 'Page', tags: 'Tag', authors: 'Author' }

const ORDERABLE: Record<Resource, Record<string, string>> = {
  posts: POST_ORDER,
  pages: POST_ORDER,
  tags: TAG_ORDER,
  authors: AUTHOR_ORDER,
}

/** What one route answers: a browse, a read by id or slug, or the settings. */
export async function answer(
  req: PayloadRequest,
  route: { resource: Resource | 'settings'; by?: 'id' | 'slug'; value?: string },
): Promise<Envelope> {
  if (route.resource === 'settings') return settings(req)
  const query = readQuery(req.searchParams, ORDERABLE[route.resource])
  const { resource, by, value } = route
  if (resource === 'pages') {
    // Devlog has no pages (retrospectives have their own API): an empty list, and no page to read.
    if (by) throw notFound(NOUN.pages)
    return { pages: [], meta: { pagination: pagination(query.page, query.limit, 0) } }
  }
  // An id the database cannot hold (letters on SQLite, not 24 hex digits on MongoDB) finds nothing
  // rather than failing.
  if (by === 'id' && !isIdText(req, value ?? '', resource === 'authors' ? 'users' : resource))
    throw notFound(NOUN[resource])
  const where: Where | undefined =
    by === 'id' ? { id: { equals: value } } : by === 'slug' ? { slug: { equals: value } } : undefined
  const one = { ...query, filter: null, limit: 1, page: 1 }
  const found = (envelope: Envelope) => {
    if (!(envelope[resource] as unknown[]).length) throw notFound(NOUN[resource])
    return { [resource]: envelope[resource] }
  }
  if (resource === 'posts' || resource === 'tags') {
    if (!where) return browseStored(req, resource, query)
    return found(await browseStored(req, resource, one, [where]))
  }
  if (!by) return browseAuthors(req, query)
  const match = (user: UserDoc) => (by === 'id' ? String(user.id) === value : authorSlug(user) === value)
  return found(await browseAuthors(req, one, match))
}
