import { Forbidden, type CollectionSlug, type PayloadRequest, type Where } from 'payload'

import type { Id } from '../shared/documents'

/** The collections an editor writes in, those of them this config has. */
const EDITORIAL_COLLECTIONS = ['posts', 'retrospectives'] as const

export type EditorialEntry = { collection: string; id: Id; title: string }
export type EditorialOverview = {
  /** Documents whose newest version is an unpublished draft, newest first. */
  drafts: (EditorialEntry & { updatedAt: string; everPublished: boolean })[]
  /** Publishing and unpublishing queued for later, soonest first. */
  scheduled: (EditorialEntry & { at: string; type: 'publish' | 'unpublish' })[]
  /** The latest published documents, newest first. */
  published: (EditorialEntry & { publishedAt: string | null })[]
}

type VersionRow = { parent: Id | { id: Id }; updatedAt: string; version: { title?: string | null } }
type ScheduleJob = {
  waitUntil: string
  input?: { type?: string; doc?: { relationTo: string; value: Id } }
}

const titleOf = (doc: object) => ('title' in doc && typeof doc.title === 'string' && doc.title) || '—'
const parentId = (parent: VersionRow['parent']) => (typeof parent === 'object' ? parent.id : parent)
const newestFirst =
  <T>(key: (entry: T) => string | null) =>
  (a: T, b: T) =>
    (key(b) ?? '').localeCompare(key(a) ?? '')

/**
 * What an editor's dashboard shows: drafts in progress, what is scheduled and what went out last,
 * across posts and retrospectives. Everything is read with the user's own access, so a document
 * they may not read never appears, not even through a scheduled job.
 */
export async function editorialOverview(
  req: PayloadRequest,
  { limit = 5, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<EditorialOverview> {
  const collections = EDITORIAL_COLLECTIONS.filter((slug) => slug in req.payload.collections) as CollectionSlug[]
  const asUser = { overrideAccess: false, user: req.user, req, depth: 0 } as const

  const [drafts, published, scheduled] = await Promise.all([
    Promise.all(collections.map((collection) => draftsOf(req, collection, limit))).then((lists) =>
      lists
        .flat()
        .sort(newestFirst((entry) => entry.updatedAt))
        .slice(0, limit),
    ),
    Promise.all(
      collections.map(async (collection) => {
        const { docs } = await req.payload.find({
          collection,
          where: { _status: { equals: 'published' } },
          sort: '-publishedAt',
          limit,
          select: { title: true, publishedAt: true },
          ...asUser,
        })
        return docs.map((doc) => ({
          collection,
          id: doc.id,
          title: titleOf(doc),
          publishedAt: (doc as { publishedAt?: string | null }).publishedAt ?? null,
        }))
      }),
    ).then((lists) =>
      lists
        .flat()
        .sort(newestFirst((entry) => entry.publishedAt))
        .slice(0, limit),
    ),
    scheduledOf(req, collections, now),
  ])
  return { drafts, scheduled: scheduled.slice(0, limit), published }
}

async function draftsOf(req: PayloadRequest, collection: CollectionSlug, limit: number) {
  const versions = req.payload.findVersions({
    collection,
    where: { and: [{ latest: { equals: true } }, { 'version._status': { equals: 'draft' } }] },
    sort: '-updatedAt',
    limit,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  }) as unknown as Promise<{ docs: VersionRow[] }>
  // Those who may not read versions have no drafts to see.
  const { docs } = await versions.catch((error: unknown) => {
    if (error instanceof Forbidden) return { docs: [] as VersionRow[] }
    throw error
  })
  const ids = docs.map((row) => parentId(row.parent))
  // The document itself stays published while a newer draft of it is being written.
  const live = ids.length
    ? await req.payload.find({
        collection,
        where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
        pagination: false,
        select: {},
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
      })
    : { docs: [] }
  const publishedIds = new Set(live.docs.map((doc) => String(doc.id)))
  return docs.map((row) => ({
    collection,
    id: parentId(row.parent),
    title: titleOf(row.version),
    updatedAt: row.updatedAt,
    everPublished: publishedIds.has(String(parentId(row.parent))),
  }))
}

async function scheduledOf(req: PayloadRequest, collections: CollectionSlug[], now: Date) {
  if (!('payload-jobs' in req.payload.collections) || !collections.length) return []
  const where: Where = {
    and: [
      { taskSlug: { equals: 'schedulePublish' } },
      { waitUntil: { greater_than: now.toISOString() } },
      { completedAt: { exists: false } },
      { 'input.doc.relationTo': { in: collections } },
    ],
  }
  // The jobs are Payload's own and only admins may read them; the documents they name are then
  // read with the user's access, and those the user may not read are left out.
  const { docs: jobs } = (await req.payload.find({
    collection: 'payload-jobs',
    where,
    sort: 'waitUntil',
    limit: 50,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as { docs: ScheduleJob[] }
  const entries = await Promise.all(
    jobs.map(async (job) => {
      const target = job.input?.doc
      if (!target) return null
      const collection = target.relationTo as CollectionSlug
      // The job stores the id as text (payload#10481); numeric ids are numbers again here.
      const idType = req.payload.collections[collection]?.customIDType ?? req.payload.db.defaultIDType
      const doc = await req.payload
        .findByID({
          collection,
          id: idType === 'number' ? Number(target.value) : target.value,
          draft: true,
          depth: 0,
          disableErrors: true,
          select: { title: true },
          overrideAccess: false,
          user: req.user,
          req,
        })
        .catch(() => null)
      if (!doc) return null
      return {
        collection,
        id: doc.id,
        title: titleOf(doc),
        at: job.waitUntil,
        type: job.input?.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const),
      }
    }),
  )
  return entries.filter((entry) => entry !== null)
}
