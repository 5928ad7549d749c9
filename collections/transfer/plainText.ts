/**
 * Writing that arrives without Markdown: a Notion page selected, copied and pasted into a file
 * (a line of page chrome, the title, each property as a name line and a value line, then the body
 * with headings as short lines standing alone and list items as lines without bullets), and
 * outlines numbered by hand (`1. 직업`, `1-1. 첫 번째 “퇴사”`). Both become Markdown the importer
 * already reads.
 */

/** A heading numbered by hand: `0. 생각` (level 1) or `1-1. 첫 번째`, `2.3 운영` (level 2). */
const NUMBERED_HEADING = /^(\d{1,2})(?:[-.](\d{1,2}))?\.?\s+(\S.{0,78})$/

/** The longest line read as a heading or a list item rather than a paragraph. */
const HEADING_MAX = 50
const LIST_ITEM_MAX = 120

/** A line that ends like a sentence: a paragraph, never a heading (a closing quote may end either). */
const SENTENCE_END = /[.!?。…:;,]$|(?:다|요|죠|까|음|함|임|됨)\.?$/

/** Page chrome a copied Notion page starts with: the search box, breadcrumbs, buttons. */
const CHROME = /^(search|검색|share|공유|edit|편집|[^\s].{0,60}\s[/›>]\s.*)$/i

/** Markdown a person writes on purpose: its presence means the file is Markdown, not plain text. */
const MARKDOWN_SYNTAX = /^(#{1,6}\s|[-*+]\s|>\s|```|~~~|\|.*\||!\[|\d+\)\s)|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/m

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SYNTAX.test(text)
}

export type PlainTextPage = {
  title: string | null
  /** Property name and value pairs under the title, in order. */
  properties: Array<[string, string]>
  /** The body as Markdown. */
  body: string
}

/**
 * Reads a copied page: `isPropertyName` tells the importer's known property names (`Date`,
 * `Tags`, `날짜`, …) from ordinary lines. The title is the line right above the first property;
 * chrome lines above it are dropped. Without properties, the first short line is the title,
 * unless it is numbered: an outline that starts at `0.` or `1.` has no title line (the period gives one).
 */
export function readPlainTextPage(text: string, isPropertyName: (name: string) => boolean): PlainTextPage {
  const lines = text.split('\n')
  const filled = lines.map((line, index) => ({ line: line.trim(), index })).filter(({ line }) => line !== '')
  const propertyAt = filled.findIndex(
    ({ line }, position) => position > 0 && position < filled.length - 1 && isPropertyName(line),
  )
  let title: string | null = null
  let bodyFrom = 0
  const properties: Array<[string, string]> = []
  if (propertyAt > 0 && filled.slice(0, propertyAt - 1).every(({ line }) => CHROME.test(line))) {
    title = filled[propertyAt - 1].line
    let position = propertyAt
    while (position < filled.length - 1 && isPropertyName(filled[position].line)) {
      properties.push([filled[position].line, filled[position + 1].line])
      position += 2
    }
    bodyFrom = filled[position]?.index ?? lines.length
  } else {
    const first = filled.findIndex(({ line }) => !CHROME.test(line))
    const candidate = filled[first]
    if (candidate && isHeadingLine(candidate.line) && !NUMBERED_HEADING.test(candidate.line)) {
      title = candidate.line
      bodyFrom = candidate.index + 1
    }
  }
  return { title, properties, body: plainTextToMarkdown(lines.slice(bodyFrom).join('\n')) }
}

function isHeadingLine(line: string): boolean {
  return headingLevel(line) > 0
}

/**
 * The body of a plain-text page as Markdown: a line standing alone that reads as a heading
 * becomes one (`##`, or `###` for a second-level number like `1-1.`), a block of several short
 * lines becomes a list, anything else a paragraph per line.
 */
export function plainTextToMarkdown(text: string): string {
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .flatMap(splitAtNumberedHeadings)
    .filter((block) => block.length > 0)
  return blocks
    .map((block) => {
      if (block.length === 1) {
        const [line] = block
        const heading = headingLevel(line)
        return heading ? `${'#'.repeat(heading)} ${line}` : escapeMarkdown(line)
      }
      if (block.every((line) => line.length <= LIST_ITEM_MAX))
        return block.map((line) => `- ${escapeMarkdown(line)}`).join('\n')
      return block.map(escapeMarkdown).join('\n\n')
    })
    .join('\n\n')
}

/**
 * A numbered heading stands alone even with no blank line around it (`1-1. 이직` right above its
 * paragraph): the block is cut before and after it.
 */
function splitAtNumberedHeadings(block: string[]): string[][] {
  const parts: string[][] = [[]]
  for (const line of block) {
    const numbered = NUMBERED_HEADING.test(line) && headingLevel(line) > 0
    if (numbered) parts.push([line], [])
    else parts[parts.length - 1].push(line)
  }
  return parts
}

/** 2 for a top-level heading, 3 for a numbered second level, 0 for a paragraph line. */
function headingLevel(line: string): number {
  if (SENTENCE_END.test(line) || /^https?:\/\//i.test(line)) return 0
  const numbered = NUMBERED_HEADING.exec(line)
  if (numbered) return numbered[2] === undefined ? 2 : 3
  return line.length <= HEADING_MAX ? 2 : 0
}

/**
 * Numbered headings in Markdown (`## 1. 직업` then `## 1-1. 첫 번째`, or all at one level): the
 * second-level numbers go one level below the first, so they become subheadings inside the
 * section rather than sections of their own.
 */
export function nestNumberedHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,6})[ \t]+(\d{1,2}[-.]\d{1,2}\.?[ \t]+\S.*)$/gm, (whole, hashes: string, rest) => {
    const topLevel = new RegExp(`^${hashes}[ \\t]+\\d{1,2}\\.[ \\t]+\\S`, 'm')
    return topLevel.test(markdown) && hashes.length < 6 ? `${hashes}# ${rest}` : whole
  })
}

/** Characters that would start Markdown syntax at the beginning of a plain line. */
function escapeMarkdown(line: string): string {
  return line.replace(/^([#>*+-])(\s)/, '\\$1$2').replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
}
