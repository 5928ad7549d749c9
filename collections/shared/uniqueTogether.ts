import { ValidationError, type CollectionBeforeValidateHook, type CollectionSlug, type Where } from 'payload'

import { idOf } from './lib/ids'
import { devlogText, type DevlogLabelKey } from './lib/labels'

type UniqueTogether = {
  /** The fields whose values no two documents may share (the collection's unique compound index). */
  fields: string[]
  /** The field a person changes to fix it, where the message is shown. */
  path: string
  /** What the message says, in the request's language. */
  message: DevlogLabelKey
}

/**
 * A compound unique index's rule checked before saving, as a `400` on the field a person changes:
 * the database still refuses the row (the last word when two saves race), but its own error names
 * a column (`member_id`) and says only "Value must be unique".
 */
export const uniqueTogether =
  ({ fields, path, message }: UniqueTogether): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req, collection }) => {
    const values = fields.map((field) => idOf(data?.[field] ?? originalDoc?.[field]))
    if (values.some((value) => value === null || value === '')) return data
    const ownId = originalDoc?.id as number | string | undefined
    const where: Where = {
      and: [
        ...fields.map((field, index) => ({ [field]: { equals: values[index] } })),
        ...(ownId !== undefined ? [{ id: { not_equals: ownId } }] : []),
      ],
    }
    const { totalDocs } = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      where,
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0)
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path, message: devlogText(req)(message) }],
        req,
      })
    return data
  }
