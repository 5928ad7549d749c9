import type { CollectionBeforeChangeHook } from 'payload'

/** `publishedAt` is stamped the first time a post is published, unless the editor set it. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
