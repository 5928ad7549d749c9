import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import escapeHTML from 'escape-html'
import sanitizeHtml from 'sanitize-html'

import { embedHosts, resolveEmbed } from '../lib/embeds'
import { parseLineRanges } from '../lib/highlightLines'
import { countText, readingMinutes, wordCount } from '../lib/readingTime'
import { slugify } from '../lib/slugify'

type LexicalNode = {
  type: string
  tag?: string
  text?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  value?: unknown
  relationTo?: string
  listType?: string
  checked?: boolean
}

export type EditorState = { root: LexicalNode }

export type TocEntry = { id: string; text: string; level: number; children: TocEntry[] }

export type MediaDoc = { url?: string | null; alt?: string | null; width?: number | null; height?: number | null }

export type RenderedContent = {
  html: string
  toc: TocEntry[]
  readingTime: number
  wordCount: number
  /** Plain text of the first non-empty paragraph, for a generated excerpt. */
  firstParagraph: string
  /** Every text of the document, for search indexes. */
  plainText: string
}

/** Upload node ids in a document, so their media can be fetched in one query before rendering. */
export function uploadIds(state: EditorState | null | undefined): (string | number)[] {
  const ids: (string | number)[] = []
  walk(state?.root, (node) => {
    if (node.type === 'upload' && node.relationTo === 'media') {
      const value = node.value as { id?: string | number } | string | number | null
      const id = typeof value === 'object' && value !== null ? value.id : value
      if (id !== undefined && id !== null) ids.push(id)
    }
  })
  return ids
}

/**
 * Rich text → everything a front end needs without a Lexical renderer: sanitised HTML with
 * heading ids, a table of contents that links to them, footnotes, and text statistics.
 */
export function renderContent(
  state: EditorState | null | undefined,
  media: Map<string, MediaDoc> = new Map(),
  allowedEmbedHosts: string[] = embedHosts(),
): RenderedContent {
  if (!state?.root) {
    return { html: '', toc: [], readingTime: 0, wordCount: 0, firstParagraph: '', plainText: '' }
  }
  const headingIds = new WeakMap<LexicalNode, string>()
  const footnoteNumbers = new WeakMap<LexicalNode, number>()
  const footnotes: string[] = []
  const headings: { id: string; text: string; level: number }[] = []
  const usedIds = new Map<string, number>()
  let prose = ''
  let code = ''
  let firstParagraph = ''

  walk(state.root, (node, ancestors) => {
    if (node.type === 'heading') {
      const text = textOf(node).trim()
      const base = slugify(text) || 'section'
      const seen = usedIds.get(base) ?? 0
      usedIds.set(base, seen + 1)
      const id = seen === 0 ? base : `${base}-${seen + 1}`
      headingIds.set(node, id)
      headings.push({ id, text, level: Number(node.tag?.slice(1) ?? 2) })
    }
    if (node.type === 'inlineBlock' && node.fields?.blockType === 'footnote') {
      const note = String(node.fields.note ?? '')
      footnotes.push(note)
      footnoteNumbers.set(node, footnotes.length)
      prose += ` ${note}`
    }
    if (node.type === 'block' && node.fields?.blockType === 'code') code += `\n${String(node.fields.code ?? '')}`
    if (node.type === 'block' && node.fields?.blockType === 'callout') {
      prose += ` ${String(node.fields.title ?? '')} ${String(node.fields.body ?? '')}`
    }
    if (node.type === 'text') prose += ` ${node.text ?? ''}`
    if (!firstParagraph && node.type === 'paragraph' && ancestors.length === 1) firstParagraph = textOf(node).trim()
  })

  const converters: HTMLConverters = {
    ...defaultHTMLConverters,
    heading: ({ node, nodesToHTML }) => {
      const tag = /^h[1-6]$/.test(node.tag) ? node.tag : 'h2'
      return `<${tag} id="${escapeHTML(headingIds.get(node) ?? '')}">${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
    },
    listitem: ({ node, nodesToHTML, parent }) => {
      const children = nodesToHTML({ nodes: node.children }).join('')
      if ((parent as LexicalNode).listType === 'check') {
        return `<li class="task-list-item" data-checked="${node.checked ? 'true' : 'false'}"><input type="checkbox" disabled${node.checked ? ' checked' : ''}> ${children}</li>`
      }
      return `<li>${children}</li>`
    },
    upload: ({ node }) => {
      const value = node.value as { id?: string | number } | string | number
      const id = String(typeof value === 'object' ? value?.id : value)
      const doc = media.get(id) ?? (typeof value === 'object' ? (value as MediaDoc) : undefined)
      if (!doc?.url) return ''
      const caption = String((node.fields as { caption?: string } | undefined)?.caption ?? '')
      const size = doc.width && doc.height ? ` width="${doc.width}" height="${doc.height}"` : ''
      return `<figure class="image"><img src="${escapeHTML(doc.url)}" alt="${escapeHTML(doc.alt ?? '')}"${size} loading="lazy">${
        caption ? `<figcaption>${escapeHTML(caption)}</figcaption>` : ''
      }</figure>`
    },
    blocks: {
      code: ({ node }) => {
        const fields = node.fields as { language?: string; filename?: string; highlightLines?: string; code?: string }
        const language = escapeHTML(fields.language || 'text')
        const lines = parseLineRanges(fields.highlightLines)
        const highlighted = Array.isArray(lines) && lines.length ? ` data-highlight-lines="${lines.join(',')}"` : ''
        const filename = fields.filename ? ` data-filename="${escapeHTML(fields.filename)}"` : ''
        return `<figure class="code-block" data-language="${language}"${filename}${highlighted}>${
          fields.filename ? `<figcaption>${escapeHTML(fields.filename)}</figcaption>` : ''
        }<pre><code class="language-${language}">${escapeHTML(fields.code ?? '')}</code></pre></figure>`
      },
      callout: ({ node }) => {
        const fields = node.fields as { kind?: string; title?: string; body?: string }
        const kind = ['note', 'tip', 'warning'].includes(fields.kind ?? '') ? fields.kind : 'note'
        const body = escapeHTML(fields.body ?? '').replace(/\n/g, '<br>')
        return `<aside class="callout callout-${kind}" data-kind="${kind}">${
          fields.title ? `<p class="callout-title">${escapeHTML(fields.title)}</p>` : ''
        }<p>${body}</p></aside>`
      },
      embed: ({ node }) => {
        const fields = node.fields as { url?: string; caption?: string }
        const embed = resolveEmbed(fields.url ?? '', allowedEmbedHosts)
        if ('error' in embed) return ''
        const title = escapeHTML(fields.caption || embed.url)
        return `<figure class="embed embed-${embed.provider}"><iframe src="${escapeHTML(embed.src)}" title="${title}" loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>${
          fields.caption ? `<figcaption>${escapeHTML(fields.caption)}</figcaption>` : ''
        }</figure>`
      },
    },
    inlineBlocks: {
      footnote: ({ node }) => {
        const number = footnoteNumbers.get(node) ?? 0
        return `<sup class="footnote-ref" id="fnref-${number}"><a href="#fn-${number}">${number}</a></sup>`
      },
    },
  }

  let html = convertLexicalToHTML({
    converters,
    data: { ...state, root: withoutTrailingEmptyParagraphs(state.root) } as SerializedEditorState,
    disableContainer: true,
    disableIndent: true,
  })
  if (footnotes.length) {
    html += `<section class="footnotes"><ol>${footnotes
      .map(
        (note, index) =>
          `<li id="fn-${index + 1}">${escapeHTML(note)} <a href="#fnref-${index + 1}" class="footnote-back">↩</a></li>`,
      )
      .join('')}</ol></section>`
  }

  const stats = countText(prose, code)
  return {
    html: sanitize(html, allowedEmbedHosts),
    toc: nestHeadings(headings),
    readingTime: readingMinutes(stats),
    wordCount: wordCount(stats),
    firstParagraph,
    plainText: prose.replace(/\s+/g, ' ').trim(),
  }
}

function sanitize(html: string, allowedEmbedHosts: string[]): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img',
      'figure',
      'figcaption',
      'picture',
      'source',
      'iframe',
      'aside',
      'section',
      'input',
      'del',
      's',
      'u',
    ],
    allowedAttributes: {
      '*': ['id', 'class', 'data-*'],
      a: ['href', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height', 'loading'],
      iframe: ['src', 'title', 'loading', 'allowfullscreen', 'referrerpolicy'],
      input: ['type', 'disabled', 'checked'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      span: ['style'],
    },
    allowedStyles: { span: { 'text-decoration': [/^(underline|line-through)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedIframeHostnames: allowedEmbedHosts,
    allowedIframeDomains: [],
    allowProtocolRelative: false,
  })
}

/** The editor keeps an empty paragraph after the last block (where the caret goes next): no content. */
function withoutTrailingEmptyParagraphs(root: LexicalNode): LexicalNode {
  const children = [...(root.children ?? [])]
  while (children.length && isEmptyParagraph(children[children.length - 1])) children.pop()
  return { ...root, children }
}

const isEmptyParagraph = (node: LexicalNode) =>
  node.type === 'paragraph' &&
  (node.children ?? []).every((child) => child.type === 'linebreak' || (child.type === 'text' && !child.text?.trim()))

function nestHeadings(headings: { id: string; text: string; level: number }[]): TocEntry[] {
  const root: TocEntry[] = []
  const stack: TocEntry[] = []
  for (const heading of headings) {
    const entry: TocEntry = { ...heading, children: [] }
    while (stack.length && stack[stack.length - 1].level >= entry.level) stack.pop()
    ;(stack.length ? stack[stack.length - 1].children : root).push(entry)
    stack.push(entry)
  }
  return root
}

function textOf(node: LexicalNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'linebreak') return ' '
  return (node.children ?? []).map(textOf).join('')
}

function walk(
  node: LexicalNode | undefined,
  visit: (node: LexicalNode, ancestors: LexicalNode[]) => void,
  ancestors: LexicalNode[] = [],
) {
  if (!node) return
  visit(node, ancestors)
  for (const child of node.children ?? []) walk(child, visit, [...ancestors, node])
}
