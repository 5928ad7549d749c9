import type { CollectionBeforeDeleteHook, CollectionSlug, FlattenedField, SanitizedConfig } from 'payload'

import { httpError } from '../shared/endpoints'

type Reference = { collection: CollectionSlug; path: string }

/**
 * Where a document is referred to by a required single relationship (top level or inside groups
 * and arrays): rows the database cannot keep once the document is gone.
 */
function requiredReferencesTo(config: SanitizedConfig, slug: string): Reference[] {
  const found: Reference[] = []
  const walk = (collection: CollectionSlug, fields: FlattenedField[], prefix: string) => {
    for (const field of fields) {
      const path = `${prefix}${field.name}`
      if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo === slug) {
        if (field.required && !field.hasMany) found.push({ collection, path })
      } else if (field.type === 'group' || field.type === 'array') {
        walk(collection, field.flattenedFields, `${path}.`)
      }
    }
  }
  for (const collection of config.collections) walk(collection.slug as CollectionSlug, collection.flattenedFields, '')
  return found
}

const referencesCache = new WeakMap<SanitizedConfig, Map<string, Reference[]>>()

/**
 * A document that others still require (a membership with submissions, a member with
 * memberships) is not deleted: the answer is a 409 naming what refers to it, as for tags in use.
 */
export const refuseDeletingReferenced: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const { config } = req.payload
  const byCollection = referencesCache.get(config) ?? new Map<string, Reference[]>()
  referencesCache.set(config, byCollection)
  const references = byCollection.get(collection.slug) ?? requiredReferencesTo(config, collection.slug)
  byCollection.set(collection.slug, references)

  const uses: string[] = []
  for (const reference of references) {
    const { totalDocs } = await req.payload.count({
      collection: reference.collection,
      where: { [reference.path]: { equals: id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) uses.push(`${totalDocs} ${reference.collection} (${reference.path})`)
  }
  if (uses.length) {
    throw httpError(
      `${collection.slug} ${id} is still referred to by ${uses.join(', ')}; delete or change those first.`,
      409,
    )
  }
}
