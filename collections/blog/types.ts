import type { DerivedContent, DocumentBase, Publishable, Relation, RichTextValue, SeoMeta } from '../shared/documents'

export type Post = DocumentBase &
  Publishable &
  DerivedContent & {
    title: string
    slug?: string | null
    excerpt?: string | null
    content?: RichTextValue
    coverImage?: Relation | null
    tags?: Relation[] | null
    series?: Relation | null
    seriesOrder?: number | null
    authors?: Relation[] | null
    relatedPosts?: Relation[] | null
    publishedAt?: string | null
    sourceHash?: string | null
    canonicalUrl?: string | null
    featured?: boolean | null
    /** Former slugs of a published post, so old links redirect. */
    previousSlugs?: string[] | null
    meta?: SeoMeta
  }

export type Tag = DocumentBase & {
  name: string
  slug?: string | null
  description?: string | null
  colour?: string | null
  /** Published posts using the tag, kept by the posts' hooks. */
  postCount?: number | null
}

export type Series = DocumentBase & {
  title: string
  slug?: string | null
  description?: string | null
}
