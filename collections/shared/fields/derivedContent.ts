import type { CollectionBeforeChangeHook, Field, Payload, PayloadRequest } from 'payload'

import { label } from '../lib/labels'
import { devlogOptions } from '../../options'
import { embedHosts } from '../lib/embeds'
import { renderContent, uploadIds, type EditorState, type MediaDoc } from '../richtext/render'
import type { DerivedContent, DocumentBase, RichTextValue } from '../documents'

export const EXCERPT_LENGTH = 200

/**
 * Fields derived from the rich text on every save and stored, so reads stay cheap: sanitised
 * HTML, a table of contents, reading time and word count. Shared by posts and retrospectives.
 */
export function derivedContentFields(): Field[] {
  const readOnlySidebar = { readOnly: true, position: 'sidebar' as const }
  return [
    {
      name: 'contentHtml',
      type: 'textarea',
      label: label('htmlGenerated'),
      admin: { readOnly: true, hidden: true },
    },
    { name: 'toc', type: 'json', label: label('tableOfContents'), admin: { readOnly: true, hidden: true } },
    {
      name: 'readingTime',
      type: 'number',
      label: label('readingTimeMin'),
      admin: readOnlySidebar,
    },
    { name: 'wordCount', type: 'number', label: label('wordCount'), admin: readOnlySidebar },
  ]
}

type RenderedDocument = DocumentBase & DerivedContent

type DerivedContentOptions<Doc extends RenderedDocument> = {
  /** The document's rich text in reading order. */
  content: (doc: Partial<Doc>) => (RichTextValue | undefined)[]
  /** A text field filled with the first paragraph when left empty. */
  excerptField?: keyof Doc & string
}

/** Renders the document's rich text on every create and update. */
export function deriveContent<Doc extends RenderedDocument>({
  content,
  excerptField,
}: DerivedContentOptions<Doc>): CollectionBeforeChangeHook<Doc> {
  return async ({ data, originalDoc, req }) => {
    const merged: Partial<Doc> = { ...originalDoc, ...data }
    const states = content(merged)
    const combined: EditorState = {
      root: { type: 'root', children: states.flatMap((state) => state?.root?.children ?? []) },
    }
    const media = await fetchMedia(req, states.flatMap(uploadIds))
    const rendered = renderContent(combined, media, embedHosts(devlogOptions(req.payload.config).embedHosts))
    const excerpt =
      excerptField && !merged[excerptField] ? truncate(rendered.firstParagraph, EXCERPT_LENGTH) : undefined
    return {
      ...data,
      contentHtml: rendered.html,
      toc: rendered.toc,
      readingTime: rendered.readingTime,
      wordCount: rendered.wordCount,
      ...(excerpt ? { [excerptField!]: excerpt } : {}),
    }
  }
}

async function fetchMedia(req: PayloadRequest, ids: (string | number)[]): Promise<Map<string, MediaDoc>> {
  if (ids.length === 0) return new Map()
  const payload: Payload = req.payload
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: [...new Set(ids)] } },
    limit: ids.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as MediaDoc]))
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`
}
