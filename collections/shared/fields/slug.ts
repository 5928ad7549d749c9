import {
  ValidationError,
  type CollectionSlug,
  type FieldHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type TextField,
} from 'payload'

import { slugify, uniqueSlug, validateSlug } from '../lib/slugify'
import { label } from '../lib/labels'

type SlugFieldOptions = {
  /** The field the slug is generated from when the editor leaves it empty. */
  from: string
  /**
   * The source when that field is empty too because another hook generates it: field hooks run
   * concurrently, so the slug cannot wait for the other field's hook.
   */
  fallback?: (data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined) => string | undefined
}

/**
 * Whether another document has the slug: published, or in its latest draft. A draft lives in the
 * versions table until it is published (the document's own row keeps the published data, or none
 * yet), so the unique index alone lets two drafts, or a draft and a published document, share one.
 */
async function slugTaken(req: PayloadRequest, collection: SanitizedCollectionConfig, slug: string, ownId: unknown) {
  const others = ownId != null ? [{ id: { not_equals: ownId } }] : []
  const { totalDocs } = await req.payload.count({
    collection: collection.slug as CollectionSlug,
    where: { and: [{ slug: { equals: slug } }, ...others] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0 || !collection.versions?.drafts) return totalDocs > 0
  // Only the slug in the query, `latest` checked here: without table statistics SQLite picks the
  // index on `latest` (true for almost every row) over the slug's, and scans the versions table.
  const versions = await req.payload.findVersions({
    collection: collection.slug as CollectionSlug,
    where: {
      and: [{ 'version.slug': { equals: slug } }, ...(ownId != null ? [{ parent: { not_equals: ownId } }] : [])],
    },
    select: { latest: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return versions.docs.some((version) => version.latest)
}

/**
 * A URL-safe slug, unique among published documents and drafts, generated from another field.
 * Generation runs in `beforeValidate` (not as a required-field default) so creates without a slug
 * pass validation through every API; a generated slug gets a numeric suffix on collision, a
 * hand-written one that is taken is refused.
 */
export function slugField({ from, fallback }: SlugFieldOptions): TextField {
  const generateSlug: FieldHook = async ({ value, data, siblingData, originalDoc, collection, req, operation }) => {
    const ownId = operation === 'update' ? originalDoc?.id : undefined
    if (typeof value === 'string' && value.trim() !== '') {
      const slug = value.trim()
      const unchanged = slug === originalDoc?.slug
      if (collection && !unchanged && (await slugTaken(req, collection, slug, ownId))) {
        throw new ValidationError({
          collection: collection.slug,
          errors: [
            { path: 'slug', message: `slug: "${slug}" is already used by another document (published or draft).` },
          ],
        })
      }
      return slug
    }
    const given = siblingData?.[from] ?? data?.[from] ?? originalDoc?.[from]
    const source = typeof given === 'string' && given.trim() !== '' ? given : fallback?.({ ...data }, originalDoc)
    if (typeof source !== 'string') return value
    const base = slugify(source)
    if (!base || !collection) return base || value
    return uniqueSlug(base, (candidate) => slugTaken(req, collection, candidate, ownId))
  }

  return {
    name: 'slug',
    type: 'text',
    label: label('slug'),
    index: true,
    unique: true,
    // Empty passes here when the source field or the fallback can fill it: the admin validates
    // before the server-side hook has run.
    validate: (
      value: string | null | undefined,
      { data, siblingData }: { data: Record<string, unknown>; siblingData: Record<string, unknown> },
    ) => {
      if ((value ?? '') !== '') return validateSlug(value)
      const given = siblingData?.[from]
      const source = typeof given === 'string' && given.trim() !== '' ? given : fallback?.({ ...data }, undefined)
      return typeof source === 'string' && slugify(source) !== '' ? true : validateSlug(value)
    },
    // A duplicate gets a fresh slug from its title (Payload's default, `<slug> - Copy`, is no slug).
    hooks: { beforeValidate: [generateSlug], beforeDuplicate: [() => null] },
    admin: {
      position: 'sidebar',
      description: label('leftEmptyItIsGenerated2'),
    },
  }
}
