import type { CollectionBeforeChangeHook } from 'payload'

export const META_DESCRIPTION_LENGTH = 160

type SeoSource = { title?: string; excerpt?: string; coverImage?: unknown }

/** What the SEO fields fall back to when the editor leaves them empty. */
export function seoFromDocument(doc: SeoSource, siteName: string) {
  const description = doc.excerpt ?? ''
  return {
    title: doc.title ? `${doc.title} · ${siteName}` : siteName,
    description:
      description.length > META_DESCRIPTION_LENGTH
        ? `${description.slice(0, META_DESCRIPTION_LENGTH - 1)}…`
        : description,
    image:
      typeof doc.coverImage === 'object' && doc.coverImage !== null
        ? (doc.coverImage as { id: number | string }).id
        : doc.coverImage,
  }
}

/** Fills empty SEO meta fields from the document on save, so every published page has them. */
export function fillSeoDefaults(siteName: string): CollectionBeforeChangeHook {
  return ({ data, originalDoc }) => {
    const merged = { ...originalDoc, ...data } as SeoSource & { meta?: Record<string, unknown> }
    const defaults = seoFromDocument(merged, siteName)
    const meta = { ...merged.meta }
    if (!meta.title) meta.title = defaults.title
    if (!meta.description && defaults.description) meta.description = defaults.description
    if (!meta.image && defaults.image) meta.image = defaults.image
    return { ...data, meta }
  }
}
