import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

const STATUSES = ['draft', 'published']

/**
 * `_status` is Payload's own field: without this, any string (`"pending"`, `""`) is stored and
 * the document is neither a draft nor published, yet reaches the search index.
 */
export const validateStatus: CollectionBeforeValidateHook = ({ data, collection, req }) => {
  const status = (data as { _status?: unknown } | undefined)?._status
  if (status === undefined || status === null || STATUSES.includes(status as string)) return data
  throw new ValidationError({
    collection: collection.slug,
    req,
    errors: [{ path: '_status', message: `_status must be "draft" or "published".` }],
  })
}
