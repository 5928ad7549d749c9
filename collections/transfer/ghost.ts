import type { SourceFile } from './source'

/**
 * A Ghost JSON export (Settings → Labs → Export content, or a `ghost backup`): the migration path
 * from Ghost. Each post becomes a source of the HTML format with its slug, status, dates, tags and
 * excerpt kept; authors are matched to Devlog accounts by email. Pages have no place in Devlog
 * and are listed, not imported.
 */

type GhostRow = Record<string, unknown>
type GhostData = {
  posts?: GhostRow[]
  tags?: GhostRow[]
  posts_tags?: GhostRow[]
  users?: GhostRow[]
  posts_authors?: GhostRow[]
}

export type GhostPost = {
  /** The post's slug, naming it in the report. */
  key: string
  source: SourceFile
  /** What the post's hash is made of: the post, its tags and authors as exported. */
  raw: Buffer
  authors: Array<{ name: string; email: string | null }>
  featured: boolean
  warnings: string[]
}

export type GhostExport = { posts: GhostPost[]; skippedPages: string[] }

/** Ghost's exports write dates as ISO strings; its migration format also takes epoch milliseconds. */
const dateOf = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : str(value)

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

/** The export's data, in the wrapped (`{ db: [{ data }] }`) or the bare (`{ data }`) layout. */
function ghostData(json: unknown): GhostData | null {
  const root = json as { db?: Array<{ data?: GhostData }>; data?: GhostData } | null
  const data = root?.db?.[0]?.data ?? root?.data
  return data && Array.isArray(data.posts) ? data : null
}

/** Rows of a join table for one post, in their sort order. */
function joined(rows: GhostRow[] | undefined, postId: unknown, key: string) {
  return (rows ?? [])
    .filter((row) => row.post_id === postId)
    .sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))
    .map((row) => row[key])
}

/**
 * Ghost writes its own address as `__GHOST_URL__`; images under it are the export's
 * `content/images/…` folder, read next to the JSON file when it is there.
 */
const localiseGhostURLs = (html: string) =>
  html.replace(/__GHOST_URL__\/content\//g, 'content/').replace(/__GHOST_URL__/g, '')

/** The posts of a Ghost export, or null when the JSON is not one. */
export function readGhostExport(text: string): GhostExport | null {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return null
  }
  const data = ghostData(json)
  if (!data) return null
  const tagsById = new Map((data.tags ?? []).map((tag) => [tag.id, tag]))
  const usersById = new Map((data.users ?? []).map((user) => [user.id, user]))
  const posts: GhostPost[] = []
  const skippedPages: string[] = []
  for (const post of data.posts ?? []) {
    const slug = str(post.slug) ?? String(post.id)
    if (post.type === 'page') {
      skippedPages.push(slug)
      continue
    }
    const warnings: string[] = []
    // Ghost's internal tags (`#hash`) organise the theme, not the writing.
    const tags = joined(data.posts_tags, post.id, 'tag_id')
      .map((id) => str(tagsById.get(id)?.name))
      .filter((name): name is string => name !== null && !name.startsWith('#'))
    const authors = joined(data.posts_authors, post.id, 'author_id')
      .map((id) => usersById.get(id))
      .filter((user): user is GhostRow => user !== undefined)
      .map((user) => ({ name: str(user.name) ?? '?', email: str(user.email)?.toLowerCase() ?? null }))
    const status = str(post.status) ?? 'draft'
    if (status === 'scheduled')
      warnings.push(`scheduled in Ghost for ${dateOf(post.published_at)}: imported as a draft, schedule it again`)
    if (str(post.feature_image)) warnings.push(`feature image ${str(post.feature_image)}: not downloaded; set a cover`)
    const html = str(post.html)
    posts.push({
      key: slug,
      source: {
        shape: 'ghost',
        format: 'html',
        title: str(post.title),
        properties: {
          slug,
          date: dateOf(post.published_at),
          status: status === 'published' || status === 'sent' ? 'published' : 'draft',
          tags,
          excerpt: str(post.custom_excerpt),
          canonicalUrl: str(post.canonical_url),
        },
        ignored: [],
        body: html ? localiseGhostURLs(html) : '',
      },
      raw: Buffer.from(JSON.stringify({ post, tags, authors })),
      authors,
      featured: post.featured === true || post.featured === 1,
      warnings: html ? warnings : [...warnings, 'no HTML in the export: the post is empty'],
    })
  }
  return { posts, skippedPages }
}
