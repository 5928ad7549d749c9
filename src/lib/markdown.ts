import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload, RichTextField } from 'payload'

/**
 * Markdown → Lexical with the exact editor config of a collection's rich-text field, so what is
 * produced is what the admin editor can open.
 */
export function markdownToLexical(payload: Payload, collection: string, fieldName: string, markdown: string) {
  const field = payload.collections[collection as keyof typeof payload.collections]?.config.flattenedFields.find(
    (candidate) => candidate.name === fieldName,
  )
  if (!field || field.type !== 'richText') {
    throw new Error(`${collection}.${fieldName} is not a rich-text field`)
  }
  const editorConfig = editorConfigFactory.fromField({ field: field as RichTextField })
  return convertMarkdownToLexical({ editorConfig, markdown })
}
