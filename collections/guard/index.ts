import type { CollectionConfig } from 'payload'

import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import { parseRequestedId } from './ids'
import { refuseUnreadableQueries } from './queries'
import { refuseDeletingReferenced } from './references'
import { validateStatus } from './status'

const hasDrafts = (collection: CollectionConfig) =>
  typeof collection.versions === 'object' && Boolean(collection.versions.drafts)

/**
 * The checks every Devlog collection gets at its trust boundary, whatever the API: ids parsed
 * strictly, no filtering or sorting on unreadable fields, `_status` only draft or published, and
 * a 409 instead of a broken delete while other documents still require the document.
 */
export const guardFeature = (): DevlogFeature => ({
  extendCollection: (collection) =>
    appendHooks(collection, {
      beforeOperation: [parseRequestedId, refuseUnreadableQueries],
      beforeDelete: [refuseDeletingReferenced],
      ...(hasDrafts(collection) ? { beforeValidate: [validateStatus] } : {}),
    }),
})
