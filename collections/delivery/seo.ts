import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedDevlogOptions } from '../options'
import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import type { DocumentBase, Relation, SeoMeta } from '../shared/documents'
import { idOf } from '../shared/lib/ids'
import { staticLabel } from '../shared/lib/labels'

export const META_DESCRIPTION_LENGTH = 160

// In both languages rather than functions: the plugin's field components get their label once.
const SEO_FIELD_LABELS = {
  title: staticLabel('metaTitle'),
  description: staticLabel('metaDescription'),
  image: staticLabel('metaImage'),
}

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

/**
 * Keeps the SEO meta fields derived from the document on every save, whichever API or screen
 * saved it: an empty field, or one still holding what was derived from the document before this
 * change (the old title, the old excerpt), follows the document; one an editor wrote stays.
 */
export function fillSeoDefaults(
  siteTitle: string,
): CollectionBeforeChangeHook<DocumentBase & SeoSource & { meta?: SeoMeta }> {
  return ({ data, originalDoc }) => {
    const merged = { ...originalDoc, ...data }
    const derived = seoFromDocument(merged, siteTitle)
    const derivedBefore = originalDoc ? seoFromDocument(originalDoc, siteTitle) : undefined
    const follows = (value: unknown, before: unknown) => !value || value === before
    const meta = { ...merged.meta }
    if (follows(meta.title, derivedBefore?.title) || meta.title === siteTitle) meta.title = derived.title
    if (follows(meta.description, derivedBefore?.description))
      meta.description = derived.description || meta.description
    if (follows(idOf(meta.image), derivedBefore?.image) && derived.image) meta.image = derived.image
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
      // The plugin leaves its fields unlabelled, so the Korean admin showed "Title", "Meta Image".
      fields: ({ defaultFields }) =>
        defaultFields.map((field) =>
          'name' in field && field.name in SEO_FIELD_LABELS
            ? ({ ...field, label: SEO_FIELD_LABELS[field.name as keyof typeof SEO_FIELD_LABELS] } as typeof field)
            : field,
        ),
    }),
    extendCollection: (collection) =>
      collections.includes(collection.slug)
        ? appendHooks(collection, { beforeChange: [fillSeoDefaults(title)] })
        : collection,
  }
}
