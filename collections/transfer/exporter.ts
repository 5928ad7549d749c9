import fs from 'node:fs/promises'
import path from 'node:path'
import { convertLexicalToMarkdown } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload } from 'payload'
import { stringify } from 'yaml'

import { idOf } from '../shared/lib/ids'
import { editorConfigOf } from '../shared/richtext/markdown'
import { periodKey } from './periodFromText'
import type { Period } from '../shared/lib/periods'
import { allDocuments } from './allDocuments'
import type { TransferCollection } from './importer'
import type { Id } from '../shared/documents'

type Doc = Record<string, unknown> & { id: Id; slug: string }
type MediaDoc = { id: Id; filename?: string | null; alt?: string | null }
type EditorState = { root: { children: unknown[] } }

export type ExportedFile = { file: string; collection: TransferCollection; slug: string; images: number }
export type ExportReport = { files: ExportedFile[]; warnings: string[] }
export type ExportOptions = { onFile?: (file: ExportedFile, done: number, total: number) => void }

// What Lexical's Markdown export writes for an upload it has only the id of.
const UPLOAD_PLACEHOLDER = /!\[media:([^\]]+)\]\(\)/g
const SINGULAR: Record<TransferCollection, string> = { posts: 'post', retrospectives: 'retrospective' }

type LexicalNode = { type?: string; fields?: { blockType?: string }; children?: LexicalNode[] }

/**
 * Blocks other than code have no Markdown form (Lexical's export would write a placeholder text
 * for them): a copy of the state without them, and what was left out.
 */
function withoutBlocks(state: unknown): { state: unknown; leftOut: string[] } {
  const leftOut: string[] = []
  const keep = (node: LexicalNode): LexicalNode | null => {
    const blockType = node.fields?.blockType
    if ((node.type === 'block' || node.type === 'inlineBlock') && blockType && blockType !== 'code') {
      leftOut.push(blockType)
      return null
    }
    if (!node.children) return node
    return { ...node, children: node.children.map(keep).filter((child): child is LexicalNode => child !== null) }
  }
  const root = keep((state as { root: LexicalNode }).root)
  return { state: { ...(state as object), root }, leftOut: [...new Set(leftOut)] }
}

/** Removes keys whose value says nothing, so the front matter lists only what a document has. */
const compact = (data: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(data).filter(
      ([, value]) =>
        value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  )

/**
 * Writes every post and retrospective as `<folder>/<collection>/<slug>.md` with YAML front
 * matter, and the images it shows into `<folder>/<collection>/<slug>/`, linked relatively: the
 * shape `npm run import` reads back into the same documents.
 */
export async function exportMarkdown(
  payload: Payload,
  folder: string,
  options: ExportOptions = {},
): Promise<ExportReport> {
  const staticDir = payload.collections.media.config.upload.staticDir
  const tags = new Map((await allDocuments<Doc>(payload, 'tags')).map((tag) => [tag.id, String(tag.name)]))
  const areas = new Map((await allDocuments<Doc>(payload, 'retrospective-areas')).map((area) => [area.id, area.slug]))
  const media = new Map((await allDocuments<MediaDoc>(payload, 'media')).map((doc) => [doc.id, doc]))
  const documents = [
    ...(await allDocuments<Doc>(payload, 'posts')).map((doc) => ({ collection: 'posts' as const, doc })),
    ...(await allDocuments<Doc>(payload, 'retrospectives')).map((doc) => ({
      collection: 'retrospectives' as const,
      doc,
    })),
  ]
  const warnings: string[] = []
  const files: ExportedFile[] = []

  for (const [index, { collection, doc }] of documents.entries()) {
    const directory = path.join(folder, collection)
    const imageDirectory = path.join(directory, doc.slug)
    await fs.mkdir(directory, { recursive: true })
    const copied = new Set<Id>()
    const link = async (id: Id): Promise<string | null> => {
      const file = media.get(id) ?? media.get(Number(id))
      if (!file?.filename || !staticDir) {
        warnings.push(`${collection}/${doc.slug}: image ${id} no longer exists; left out`)
        return null
      }
      if (!copied.has(file.id)) {
        await fs.mkdir(imageDirectory, { recursive: true })
        await fs.copyFile(path.join(staticDir, file.filename), path.join(imageDirectory, file.filename))
        copied.add(file.id)
      }
      return encodeURI(`${doc.slug}/${file.filename}`)
    }
    const toMarkdown = async (field: string, state: unknown) => {
      if (!state) return ''
      const { state: exportable, leftOut } = withoutBlocks(state)
      if (leftOut.length)
        warnings.push(`${collection}/${doc.slug}: ${leftOut.join(', ')} blocks have no Markdown form; left out`)
      const markdown = convertLexicalToMarkdown({
        data: exportable as SerializedEditorState,
        editorConfig: editorConfigOf(payload, collection, field),
      })
      const links = new Map<string, string | null>()
      for (const [, id] of markdown.matchAll(UPLOAD_PLACEHOLDER))
        links.set(id, await link(/^\d+$/.test(id) ? Number(id) : id))
      return markdown.replace(UPLOAD_PLACEHOLDER, (_match, id: string) => {
        const target = links.get(id)
        const file = media.get(/^\d+$/.test(id) ? Number(id) : id)
        return target ? `![${(file?.alt ?? '').replace(/[[\]]/g, '')}](${target})` : ''
      })
    }

    const coverId = idOf(doc.coverImage)
    const frontMatter: Record<string, unknown> = {
      collection: SINGULAR[collection],
      title: doc.title,
      slug: doc.slug,
      status: doc._status ?? 'published',
      date: doc.publishedAt,
      updated: doc.updatedAt,
      tags: ((doc.tags as unknown[] | undefined) ?? []).map((tag) => tags.get(idOf(tag)!)).filter(Boolean),
      excerpt: doc.excerpt,
      cover: coverId !== null ? await link(coverId) : null,
    }
    let body: string
    if (collection === 'posts') {
      frontMatter.canonicalUrl = doc.canonicalUrl
      body = await toMarkdown('content', doc.content)
    } else {
      frontMatter.language = doc.language
      frontMatter.period = periodKey(doc.period as Period)
      frontMatter.goals = ((doc.goals as Array<Record<string, unknown>> | undefined) ?? []).map((goal) =>
        compact({ text: goal.text, status: goal.status, note: goal.note, area: areas.get(idOf(goal.area)!) }),
      )
      frontMatter.principles = ((doc.principles as Array<{ text: string }> | undefined) ?? []).map(
        (principle) => principle.text,
      )
      const sections = (doc.sections as Array<{ heading: string; body?: EditorState | null }> | undefined) ?? []
      const parts = []
      for (const section of sections)
        parts.push(`## ${section.heading}\n\n${await toMarkdown('sections.body', section.body)}`.trim())
      body = parts.join('\n\n')
    }

    const file = path.join(directory, `${doc.slug}.md`)
    await fs.writeFile(file, `---\n${stringify(compact(frontMatter), { lineWidth: 0 })}---\n\n${body.trim()}\n`)
    const exported = { file: path.relative(folder, file), collection, slug: doc.slug, images: copied.size }
    files.push(exported)
    options.onFile?.(exported, index + 1, documents.length)
  }
  return { files, warnings }
}
