import type { CollectionSlug, FieldHook, TextField } from 'payload'

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
 * A unique, URL-safe slug generated from another field. Generation runs in `beforeValidate`
 * (not as a required-field default) so creates without a slug pass validation through every API.
 */
export function slugField({ from, fallback }: SlugFieldOptions): TextField {
  const generateSlug: FieldHook = async ({ value, data, siblingData, originalDoc, collection, req, operation }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    const given = siblingData?.[from] ?? data?.[from] ?? originalDoc?.[from]
    const source = typeof given === 'string' && given.trim() !== '' ? given : fallback?.({ ...data }, originalDoc)
    if (typeof source !== 'string') return value
    const base = slugify(source)
    if (!base || !collection) return base || value
    const ownId = originalDoc?.id
    return uniqueSlug(base, async (candidate) => {
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(operation === 'update' && ownId != null ? [{ id: { not_equals: ownId } }] : []),
          ],
        },
        overrideAccess: true,
        req,
      })
      return totalDocs > 0
    })
  }

  return {
    name: 'slug',
    type: 'text',
    label: label('slug'),
    index: true,
    unique: true,
    // Empty passes here when the source field can fill it: the admin validates before the
    // server-side hook has run.
    validate: (value: string | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) => {
      const source = siblingData?.[from]
      if ((value ?? '') === '' && typeof source === 'string' && slugify(source) !== '') return true
      return validateSlug(value)
    },
    hooks: { beforeValidate: [generateSlug] },
    admin: {
      position: 'sidebar',
      description: label('leftEmptyItIsGenerated2'),
    },
  }
}
