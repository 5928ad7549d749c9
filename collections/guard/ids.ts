import type { CollectionBeforeOperationHook } from 'payload'

import { parseId } from '../shared/endpoints'

/**
 * Document ids from a request are parsed strictly before any lookup. Payload's REST routes turn
 * `:id` into a number with `parseFloat`, so `/api/posts/2abc` (or `1' OR '1'='1`) would read
 * post 2 (or 1); `abc`, `1e400` or `me` would reach the database as a broken query (a 500).
 * Internal calls (`overrideAccess`) pass ids Devlog has already checked.
 */
export const parseRequestedId: CollectionBeforeOperationHook = ({ args, overrideAccess, req }) => {
  const { id, duplicateFromID } = args as { id?: unknown; duplicateFromID?: unknown }
  const given = (value: unknown) => value !== undefined && value !== null
  if (overrideAccess || (!given(id) && !given(duplicateFromID))) return args
  // The id as the client wrote it, before Payload's `parseFloat` made `abc` a NaN (a duplicate is
  // a create from the document `/:id/duplicate` names).
  const routeId = req.routeParams?.id
  if (typeof routeId === 'string') parseId(req, routeId, 'id')
  return {
    ...args,
    ...(given(id) ? { id: parseId(req, id, 'id') } : {}),
    ...(given(duplicateFromID) ? { duplicateFromID: parseId(req, duplicateFromID, 'id') } : {}),
  }
}
