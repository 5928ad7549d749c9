import type { EditorState } from './richtext/render'

/**
 * The building blocks of Devlog's document types. The package is compiled without the host's
 * generated `payload-types.ts` (the host's ids may be numbers on SQLite or strings on MongoDB), so
 * each feature describes its own documents with these; `tests/types/documents.ts` checks them
 * against the types Payload generates for Devlog's app.
 */
export type Id = number | string

/** A relationship value: an id, or the document when Payload populated it. */
export type Relation = Id | { id: Id }

export type DocumentBase = { id: Id; createdAt: string; updatedAt: string }

/** Collections with drafts carry their publication status. */
export type Publishable = { _status?: 'draft' | 'published' | null }

/** A Lexical editor state as stored in a rich-text field. */
export type RichTextValue = EditorState | null

/** The SEO plugin's meta group. */
export type SeoMeta = { title?: string | null; description?: string | null; image?: Relation | null }

/** The fields derived from rich text on every save (see `shared/fields/derivedContent.ts`). */
export type DerivedContent = {
  contentHtml?: string | null
  toc?: unknown
  readingTime?: number | null
  wordCount?: number | null
}

export type LinkRow = { label: string; url: string; id?: string | null }
