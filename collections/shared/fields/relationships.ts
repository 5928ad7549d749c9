import type {
  CollectionSlug,
  Field,
  FilterOptions,
  PayloadRequest,
  RelationshipField,
  UploadField,
  Where,
} from 'payload'
import { relationship, upload } from 'payload/shared'

import { isIdText } from '../endpoints'

type ReferenceField = Pick<RelationshipField | UploadField, 'filterOptions' | 'relationTo' | 'type'>
type ValidateOptions = ReferenceField & {
  blockData?: Record<string, unknown>
  data: Record<string, unknown>
  event?: 'onChange' | 'submit'
  id?: number | string
  overrideAccess?: boolean
  req: PayloadRequest
  siblingData: Record<string, unknown>
}
type Reference = { collection: CollectionSlug; id: number | string }

/** A stored value as the collection and id it points at; `null` for what is not a reference. */
function referenceOf(value: unknown, relationTo: ReferenceField['relationTo']): Reference | null {
  if (typeof value === 'string' || typeof value === 'number') {
    return typeof relationTo === 'string' ? { collection: relationTo, id: value } : null
  }
  if (value && typeof value === 'object' && 'relationTo' in value && 'value' in value) {
    const { relationTo: collection, value: id } = value as { relationTo: CollectionSlug; value: number | string }
    return { collection, id }
  }
  return null
}

/**
 * The referenced documents that exist, pass the field's `filterOptions` and the writer may read,
 * looked up by id alone: Payload's own check loads every field of each one, join fields included
 * (a tag's join of its posts grows with the blog).
 */
async function referencesExist(value: unknown, options: ValidateOptions): Promise<string | true> {
  const { filterOptions, relationTo, req } = options
  const references = (Array.isArray(value) ? value : [value])
    .map((item) => referenceOf(item, relationTo))
    .filter((reference) => reference !== null)
  const missing: Array<number | string> = []
  for (const collection of new Set(references.map((reference) => reference.collection))) {
    const given = references.filter((reference) => reference.collection === collection).map(({ id }) => id)
    // An id no document can have is missing without a lookup (MongoDB cannot even cast it).
    const ids = given.filter((id) => isIdText(req, String(id), collection))
    missing.push(...given.filter((id) => !ids.includes(id)))
    if (ids.length === 0) continue
    const filter =
      typeof filterOptions === 'function'
        ? await filterOptions({
            id: options.id as number | string,
            blockData: options.blockData,
            data: options.data,
            relationTo: collection,
            req,
            siblingData: options.siblingData,
            user: req.user,
          })
        : (filterOptions as Exclude<FilterOptions, (...args: never[]) => unknown> | undefined)
    if (filter === false) {
      missing.push(...ids)
      continue
    }
    const byId: Where = { id: { in: ids } }
    const { docs } = await req.payload.find({
      collection,
      where: filter && filter !== true ? { and: [byId, filter] } : byId,
      select: {},
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: options.overrideAccess ?? false,
      disableErrors: true,
      req,
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    missing.push(...ids.filter((id) => !found.has(String(id))))
  }
  if (missing.length === 0) return true
  return `${req.t('validation:invalidSelections')} ${missing.map((id) => JSON.stringify(id)).join(', ')}`
}

/**
 * Related ids must name documents that exist (and that the writer may read), so an unknown id is
 * a 400 naming the field instead of a foreign-key failure (SQLite) or a dangling reference
 * (MongoDB). Payload's own validation runs first for required, min/max rows and id shapes.
 */
async function validateReferences(value: unknown, options: ValidateOptions): Promise<string | true> {
  const shapeCheck = options.type === 'upload' ? upload : relationship
  // Without `filterOptions` Payload's validator checks the value's shape and skips its lookup.
  const shape = await shapeCheck(value as never, { ...options, filterOptions: undefined } as never)
  if (shape !== true || options.event === 'onChange' || value === null || value === undefined) return shape
  return referencesExist(value, options)
}

export const mustExist = { validate: validateReferences }

/**
 * `fields` with `mustExist` on every relationship and upload that has no validation of its own,
 * in groups, rows, collapsibles, tabs and arrays too (blocks keep their own): an unknown id is a
 * 400 naming the field wherever it is, never a foreign-key failure.
 */
export function withExistingReferences(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ((field.type === 'relationship' || field.type === 'upload') && !field.validate)
      return { ...field, ...mustExist } as Field
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withExistingReferences(tab.fields) })) }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: withExistingReferences(field.fields) } as Field
    return field
  })
}
