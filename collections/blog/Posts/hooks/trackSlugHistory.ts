import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '../../types'

/**
 * A published post whose slug changes keeps its former slugs, so old links still resolve
 * (`GET /api/posts/slug/:slug` redirects them to the current one).
 */
export const trackSlugHistory: CollectionBeforeChangeHook<Post> = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc) return data
  const previous = originalDoc.previousSlugs ?? []
  const wasPublished = originalDoc._status === 'published' || Boolean(originalDoc.publishedAt)
  const newSlug = data.slug ?? originalDoc.slug
  const history =
    wasPublished && originalDoc.slug && newSlug !== originalDoc.slug ? [...previous, originalDoc.slug] : previous
  return { ...data, previousSlugs: [...new Set(history)].filter((slug) => slug !== newSlug) }
}
