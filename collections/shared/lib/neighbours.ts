import type { Id } from '../documents'

/** A previous or next document, as a front end links to it. */
export type Neighbour = { id: Id; title: string; slug: string }

export const neighbour = (doc: { id: Id; title?: unknown; slug?: unknown } | undefined): Neighbour | null =>
  doc ? { id: doc.id, title: String(doc.title), slug: String(doc.slug) } : null
