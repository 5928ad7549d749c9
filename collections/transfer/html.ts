import { convertHTMLToLexical } from '@payloadcms/richtext-lexical'
import { Window } from 'happy-dom'
import type { Payload } from 'payload'

import { editorConfigOf, markdownToLexical } from '../shared/richtext/markdown'

/**
 * HTML pages as they come out of blogs and notes: Notion's "Export as HTML", Medium's export, a
 * Tistory backup's post pages and plain `.html` files. Each is read for its title and properties,
 * and its body converted by `@payloadcms/richtext-lexical`'s HTML conversion with the collection's
 * own editor config; code keeps its language and local images become uploads, as in Markdown.
 */

export type HtmlShape = 'notion-html' | 'medium' | 'tistory' | 'html'

export type HtmlPage = {
  shape: HtmlShape
  title: string | null
  /** Properties under the importer's names (`date`, `tags`, `excerpt`, `canonicalUrl`, `draft`). */
  properties: Record<string, string>
  /** The body's HTML, without the title and without scripts or styles. */
  body: string
}

/** A DOM for a string of HTML: nothing in it runs, loads or navigates. */
function parseHtml(html: string): Document {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  })
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document
}

const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() || null
const attributeOf = (document: Document, selector: string, attribute: string) =>
  document.querySelector(selector)?.getAttribute(attribute)?.trim() || null

/** Reads an HTML page of any of the shapes above; `fileName` tells Medium's drafts (`draft_…`). */
export function readHtmlPage(html: string, fileName: string): HtmlPage {
  const document = parseHtml(html)
  const page = notionPage(document) ?? mediumPage(document, fileName) ?? tistoryPage(document) ?? plainPage(document)
  const properties = Object.entries(page.properties).filter((entry): entry is [string, string] => Boolean(entry[1]))
  return { ...page, properties: Object.fromEntries(properties) }
}

type Page = Omit<HtmlPage, 'properties'> & { properties: Record<string, string | null> }

/** The body's HTML without what never belongs in a post, and without the title repeated. */
function bodyOf(element: Element | null, title: string | null): string {
  if (!element) return ''
  for (const unwanted of element.querySelectorAll('script, style, noscript, template, link, meta')) unwanted.remove()
  const first = element.querySelector('h1, h2, h3')
  if (first && title && textOf(first) === title && element.firstElementChild === first) first.remove()
  return element.innerHTML.trim()
}

/** Notion: `header h1.page-title`, a `table.properties` of name and value rows, `div.page-body`. */
function notionPage(document: Document): Page | null {
  const titleElement = document.querySelector('article.page h1.page-title, h1.page-title')
  if (!titleElement) return null
  const properties: Record<string, string | null> = {}
  for (const row of document.querySelectorAll('table.properties tr')) {
    const name = textOf(row.querySelector('th'))
    const cell = row.querySelector('td')
    if (!name || !cell) continue
    const selected = [...cell.querySelectorAll('.selected-value')].map(textOf).filter(Boolean)
    // Notion writes dates as `@April 1, 2021 3:00 PM`.
    properties[name] = selected.length ? selected.join(', ') : (textOf(cell)?.replace(/^@/, '') ?? null)
  }
  const title = textOf(titleElement)
  return { shape: 'notion-html', title, properties, body: bodyOf(document.querySelector('div.page-body'), title) }
}

/** Medium: `article.h-entry` with `h1.p-name`, `time.dt-published`, `a.p-canonical`, the body section. */
function mediumPage(document: Document, fileName: string): Page | null {
  if (!document.querySelector('article.h-entry, section[data-field="body"]')) return null
  const title = textOf(document.querySelector('h1.p-name')) ?? textOf(document.querySelector('title'))
  const body = document.querySelector('section[data-field="body"], section.e-content')
  // Medium repeats the title and subtitle at the top of the body.
  for (const repeated of body?.querySelectorAll('.graf--title, .graf--subtitle') ?? []) repeated.remove()
  return {
    shape: 'medium',
    title,
    properties: {
      date: attributeOf(document, 'time.dt-published', 'datetime'),
      canonicalUrl: attributeOf(document, 'a.p-canonical', 'href'),
      excerpt: textOf(document.querySelector('section[data-field="subtitle"], .p-summary')),
      draft: /^draft_/i.test(fileName) ? 'true' : null,
    },
    body: bodyOf(body, title),
  }
}

const TISTORY_BODY = '.contents_style, .tt_article_useless_p_margin, .article-view, .entry-content'

/** A Tistory post page: its title block, date, tags and the article body. */
function tistoryPage(document: Document): Page | null {
  const body = document.querySelector(TISTORY_BODY)
  if (!body) return null
  const title =
    textOf(document.querySelector('.titleWrap h2, .tit_post, .title-article, .hgroup h1, h2.title')) ??
    textOf(document.querySelector('title'))
  const tags = [...document.querySelectorAll('.tagTrail a, .tag_label a, .tags a, a[rel="tag"]')]
    .map(textOf)
    .filter(Boolean)
  return {
    shape: 'tistory',
    title,
    properties: {
      date:
        attributeOf(document, 'meta[property="article:published_time"]', 'content') ??
        textOf(document.querySelector('.titleWrap .date, .txt_date, .date, .published')),
      tags: tags.join(', '),
    },
    body: bodyOf(body, title),
  }
}

/** Any other page: its metadata, the first `h1` or `<title>`, and `article`, `main` or `body`. */
function plainPage(document: Document): Page {
  const title =
    attributeOf(document, 'meta[property="og:title"]', 'content') ??
    textOf(document.querySelector('h1')) ??
    textOf(document.querySelector('title'))
  const tags = [...document.querySelectorAll('meta[property="article:tag"]')]
    .map((meta) => meta.getAttribute('content')?.trim())
    .filter(Boolean)
  return {
    shape: 'html',
    title,
    properties: {
      date:
        attributeOf(document, 'meta[property="article:published_time"]', 'content') ??
        attributeOf(document, 'time[datetime]', 'datetime'),
      tags: tags.length ? tags.join(', ') : attributeOf(document, 'meta[name="keywords"]', 'content'),
      excerpt: attributeOf(document, 'meta[name="description"]', 'content'),
      canonicalUrl: attributeOf(document, 'link[rel="canonical"]', 'href'),
    },
    body: bodyOf(document.querySelector('article') ?? document.querySelector('main') ?? document.body, title),
  }
}

/** Every image's `src` in a body, in order. */
export function imagesInHtml(html: string): Array<{ url: string; alt: string }> {
  return [...parseHtml(html).querySelectorAll('img[src]')].map((image) => ({
    url: image.getAttribute('src')!.trim(),
    alt: image.getAttribute('alt')?.trim() ?? '',
  }))
}

/** A body split at its top-level `h2` headings, as Markdown's `##` splits a retrospective. */
export function splitHtmlSections(html: string, language: string): Array<{ heading: string; body: string }> {
  const document = parseHtml(`<body>${html}</body>`)
  const sections: Array<{ heading: string; parts: string[] }> = []
  let current = { heading: language === 'ko' ? '개요' : 'Overview', parts: [] as string[] }
  const hasText = (parts: string[]) => parts.some((part) => part.replace(/<[^>]*>/g, '').trim() !== '')
  for (const node of [...document.body.childNodes]) {
    if (node.nodeName === 'H2') {
      if (hasText(current.parts) || current.parts.some((part) => /<img/i.test(part))) sections.push(current)
      current = { heading: (textOf(node as Element) ?? '').slice(0, 200), parts: [] }
    } else current.parts.push((node as Element).outerHTML ?? node.textContent ?? '')
  }
  if (hasText(current.parts) || !sections.length) sections.push(current)
  return sections.map(({ heading, parts }) => ({ heading, body: parts.join('').trim() }))
}

type LexicalNode = {
  type: string
  children?: LexicalNode[]
  text?: string
  pending?: { src?: string }
  [key: string]: unknown
}

/** The language a code element names: `language-ts`, `lang-ts`, `data-language`. */
function codeLanguage(pre: Element): string {
  const code = pre.querySelector('code') ?? pre
  const named =
    code.getAttribute('data-language') ??
    pre.getAttribute('data-language') ??
    [...code.classList, ...pre.classList]
      .find((name) => /^(language|lang)-/.test(name))
      ?.replace(/^(language|lang)-/, '')
  return named?.toLowerCase() ?? ''
}

/**
 * The body as Lexical with the editor config of `collection`'s `fieldPath`. `media` maps a local
 * image's `src` to its upload; other images become links to their address.
 */
export function htmlToLexical(
  payload: Payload,
  collection: string,
  fieldPath: string,
  html: string,
  media: Map<string, number | string>,
) {
  const document = parseHtml(`<body>${html}</body>`)
  // Code blocks stand in as marked paragraphs and come back as Devlog's code block, language kept.
  const codes: Array<{ language: string; code: string }> = []
  for (const pre of [...document.querySelectorAll('pre')]) {
    const marker = document.createElement('p')
    marker.textContent = `\uE000code${codes.length}\uE000`
    codes.push({ language: codeLanguage(pre), code: (pre.textContent ?? '').replace(/\n$/, '') })
    pre.replaceWith(marker)
  }
  for (const image of [...document.querySelectorAll('img[src]')]) {
    const src = image.getAttribute('src')!.trim()
    if (media.has(src)) continue
    const link = document.createElement('a')
    link.setAttribute('href', src)
    link.textContent = image.getAttribute('alt')?.trim() || src
    image.replaceWith(link)
  }
  const editorConfig = editorConfigOf(payload, collection, fieldPath)
  const DOM = class {
    window: { document: Document }
    constructor(source: string) {
      this.window = { document: parseHtml(source) }
    }
  }
  const state = convertHTMLToLexical({ editorConfig, html: document.body.innerHTML, JSDOM: DOM })
  const fromMarkdown = (markdown: string) =>
    (markdownToLexical(payload, collection, fieldPath, markdown).root.children ?? []) as LexicalNode[]

  const replace = (nodes: LexicalNode[]): LexicalNode[] =>
    nodes.flatMap((node) => {
      const marker =
        node.type === 'paragraph' && node.children?.length === 1
          ? /^\uE000code(\d+)\uE000$/.exec(node.children[0].text ?? '')
          : null
      if (marker) {
        const { language, code } = codes[Number(marker[1])]
        const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((run) => run[0].length + 1)))
        return fromMarkdown(`${fence}${language}\n${code}\n${fence}`)
      }
      if (node.type === 'paragraph' && node.children?.some((child) => child.type === 'upload')) {
        // An image inside a paragraph stands on its own, between the text before and after it.
        const parts: LexicalNode[] = []
        let run: LexicalNode[] = []
        const flush = () => {
          if (run.some((child) => (child.text ?? '').trim() !== '' || child.type !== 'text'))
            parts.push({ ...node, children: run })
          run = []
        }
        for (const child of node.children) {
          if (child.type !== 'upload') run.push(child)
          else {
            flush()
            parts.push(...upload(child))
          }
        }
        flush()
        return parts
      }
      if (node.type === 'upload') return upload(node)
      return node.children ? [{ ...node, children: replace(node.children) }] : [node]
    })
  const upload = (node: LexicalNode): LexicalNode[] => {
    const id = node.pending?.src ? media.get(node.pending.src) : undefined
    return id === undefined ? [] : fromMarkdown(`![media:${id}]()`)
  }
  state.root.children = replace(state.root.children as LexicalNode[]) as typeof state.root.children
  return state
}
