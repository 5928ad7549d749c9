import type { CollectionBeforeChangeHook, CompoundIndex, DateField } from 'payload'

import type { DocumentBase, Publishable } from '../documents'
import { label } from '../lib/labels'

export function publishedAtField(): DateField {
  return {
    name: 'publishedAt',
    type: 'date',
    label: label('publishedAt'),
    index: true,
    // A duplicate is a new draft: it is stamped when it is first published.
    hooks: { beforeDuplicate: [() => null] },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  }
}

/**
 * Serves the most common read, "published, newest first" (`sort=-publishedAt`, which Payload
 * breaks ties on with `createdAt`), straight from the index: without it SQLite sorts every
 * published row, bodies included, on each list and feed request.
 */
export const publishedNewestFirstIndex: CompoundIndex = { fields: ['_status', 'publishedAt', 'createdAt'] }

/** `publishedAt` is stamped the first time a document is published, unless the editor set it. */
export const setPublishedAt: CollectionBeforeChangeHook<
  DocumentBase & Publishable & { publishedAt?: string | null }
> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
