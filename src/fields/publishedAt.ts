import type { CollectionBeforeChangeHook, DateField } from 'payload'

import { label } from '../lib/labels'

export function publishedAtField(): DateField {
  return {
    name: 'publishedAt',
    type: 'date',
    label: label('Published at', '발행일'),
    index: true,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  }
}

/** `publishedAt` is stamped the first time a document is published, unless the editor set it. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
