import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { FlattenedField, Payload, RichTextField } from 'payload'

/**
 * Markdown → Lexical with the exact editor config of a collection's rich-text field (a dotted
 * path such as `sections.body` reaches into arrays and groups), so what is produced is what the
 * admin editor can open.
 */
export function markdownToLexical(payload: Payload, collection: string, fieldPath: string, markdown: string) {
  return convertMarkdownToLexical({ editorConfig: editorConfigOf(payload, collection, fieldPath), markdown })
}

/** The editor config of a collection's rich-text field, for conversions either way. */
export function editorConfigOf(payload: Payload, collection: string, fieldPath: string) {
  let fields: FlattenedField[] | undefined =
    payload.collections[collection as keyof typeof payload.collections]?.config.flattenedFields
  let field: FlattenedField | undefined
  for (const name of fieldPath.split('.')) {
    field = fields?.find((candidate) => candidate.name === name)
    fields = field && 'flattenedFields' in field ? field.flattenedFields : undefined
  }
  if (!field || field.type !== 'richText') {
    throw new Error(`${collection}.${fieldPath} is not a rich-text field`)
  }
  return editorConfigFactory.fromField({ field: field as RichTextField })
}
