import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedDevlogOptions } from '../options'
import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import type { DocumentBase, Relation, SeoMeta } from '../shared/documents'
import { idOf } from '../shared/lib/ids'

export const META_DESCRIPTION_LENGTH = 160

type SeoSource = { title?: string | null; excerpt?: string | null; coverImage?: Relation | null }

/** What the SEO fields fall back to when the editor leaves them empty. */
export function seoFromDocument(doc: SeoSource, siteTitle: string) {
  const description = doc.excerpt ?? ''
  return {
    title: doc.title ? `${doc.title} · ${siteTitle}` : siteTitle,
    description:
      description.length > META_DESCRIPTION_LENGTH
        ? `${description.slice(0, META_DESCRIPTION_LENGTH - 1)}…`
        : description,
    image: idOf(doc.coverImage),
  }
}

/** Fills empty SEO meta fields from the document on save, so every published page has them. */
export function fillSeoDefaults(
  siteTitle: string,
): CollectionBeforeChangeHook<DocumentBase & SeoSource & { meta?: SeoMeta }> {
  return ({ data, originalDoc }) => {
    const merged = { ...originalDoc, ...data }
    const defaults = seoFromDocument(merged, siteTitle)
    const meta = { ...merged.meta }
    if (!meta.title) meta.title = defaults.title
    if (!meta.description && defaults.description) meta.description = defaults.description
    if (!meta.image && defaults.image) meta.image = defaults.image
    return { ...data, meta }
  }
}

/** The official SEO plugin's meta fields on posts and retrospectives, filled from the document when left empty. */
export const seoFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const collections = options.features.retrospectives ? ['posts', 'retrospectives'] : ['posts']
  const { title } = options.site
  return {
    plugin: seoPlugin({
      collections,
      uploadsCollection: 'media',
      generateTitle: ({ doc }) => seoFromDocument(doc, title).title,
      generateDescription: ({ doc }) => seoFromDocument(doc, title).description,
      // An empty value clears the image field in the admin.
      generateImage: ({ doc }) => seoFromDocument(doc, title).image ?? '',
    }),
    extendCollection: (collection) =>
      collections.includes(collection.slug)
        ? appendHooks(collection, { beforeChange: [fillSeoDefaults(title)] })
        : collection,
  }
}
