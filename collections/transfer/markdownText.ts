export type ImageReference = { alt: string; url: string; title: string | null }

// `![alt](url)`, `![alt](<url with spaces>)`, `![alt](url "title")`.
const IMAGE = /!\[([^\]]*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"([^"]*)")?\s*\)/g
const FENCE = /^\s{0,3}(`{3,}|~{3,})/

/** Calls `visit` with each line and whether it belongs to a fenced code block (fences included). */
function mapLines(markdown: string, visit: (line: string, inCode: boolean) => string): string {
  let fence: string | null = null
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1]
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
        return visit(line, true)
      }
      if (marker) fence = marker
      return visit(line, Boolean(marker))
    })
    .join('\n')
}

/**
 * Rewrites every image reference outside code fences and inline code with `replace`, which
 * returns the Markdown to put in its place.
 */
export function rewriteImages(markdown: string, replace: (image: ImageReference) => string): string {
  return mapLines(markdown, (line, inCode) => {
    if (inCode) return line
    // Inline code spans keep their text: split them out, rewrite the rest.
    return line
      .split(/(`+[^`]*`+)/)
      .map((part, index) =>
        index % 2 === 1
          ? part
          : part.replace(IMAGE, (_match, alt: string, url: string, title: string | undefined) =>
              replace({ alt, url: url.replace(/^<|>$/g, ''), title: title ?? null }),
            ),
      )
      .join('')
  })
}

/** Every image reference outside code, in order. */
export function findImages(markdown: string): ImageReference[] {
  const found: ImageReference[] = []
  rewriteImages(markdown, (image) => {
    found.push(image)
    return ''
  })
  return found
}

export const isRemote = (url: string) => /^(https?:)?\/\//i.test(url)

/**
 * A retrospective's body becomes its sections, one per `##` heading outside code; what comes
 * before the first one is a section of its own.
 */
export function splitSections(markdown: string, language: string): Array<{ heading: string; body: string }> {
  const sections: Array<{ heading: string; lines: string[] }> = []
  let current = { heading: language === 'ko' ? '개요' : 'Overview', lines: [] as string[] }
  const hasText = (lines: string[]) => lines.some((line) => line.trim() !== '')
  mapLines(markdown, (line, inCode) => {
    const heading = !inCode && /^##[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line)
    if (heading) {
      if (hasText(current.lines)) sections.push(current)
      current = { heading: heading[1].slice(0, 200), lines: [] }
    } else current.lines.push(line)
    return line
  })
  if (hasText(current.lines) || !sections.length) sections.push(current)
  return sections.map(({ heading, lines }) => ({ heading, body: lines.join('\n').trim() }))
}
