/** Small builders for Lexical editor states, as the admin editor saves them. */
type Node = Record<string, unknown>

const element = (type: string, children: Node[], extra: Node = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
export const paragraph = (...children: Node[]): Node => element('paragraph', children, { textFormat: 0, textStyle: '' })
export const heading = (tag: 'h1' | 'h2' | 'h3' | 'h4', value: string): Node =>
  element('heading', [text(value)], { tag })
export const quote = (value: string): Node => element('quote', [text(value)])
export const list = (listType: 'bullet' | 'number' | 'check', items: { text: string; checked?: boolean }[]): Node =>
  element(
    'list',
    items.map((item, index) =>
      element('listitem', [text(item.text)], {
        value: index + 1,
        ...(listType === 'check' ? { checked: Boolean(item.checked) } : {}),
      }),
    ),
    { listType, tag: listType === 'number' ? 'ol' : 'ul', start: 1 },
  )
export const link = (url: string, value: string): Node =>
  element('link', [text(value)], { fields: { url, linkType: 'custom', newTab: false } })
export const table = (rows: string[][]): Node =>
  element(
    'table',
    rows.map((cells, rowIndex) =>
      element(
        'tablerow',
        cells.map((cell) =>
          element('tablecell', [paragraph(text(cell))], {
            headerState: rowIndex === 0 ? 1 : 0,
            colSpan: 1,
            rowSpan: 1,
          }),
        ),
      ),
    ),
  )
export const block = (fields: Node): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: Math.random().toString(16).slice(2, 14), blockName: '', ...fields },
})
export const codeBlock = (language: string, code: string, extra: Node = {}): Node =>
  block({ blockType: 'code', language, code, ...extra })
export const callout = (kind: string, body: string, title?: string): Node =>
  block({ blockType: 'callout', kind, body, ...(title ? { title } : {}) })
export const embed = (url: string, caption?: string): Node =>
  block({ blockType: 'embed', url, ...(caption ? { caption } : {}) })
export const footnote = (note: string): Node => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: Math.random().toString(16).slice(2, 14), blockName: '', blockType: 'footnote', note },
})
export const upload = (id: number | string, caption?: string): Node => ({
  type: 'upload',
  version: 3,
  format: '',
  relationTo: 'media',
  value: id,
  fields: caption ? { caption } : {},
})

export const doc = (...children: Node[]) => ({ root: element('root', children) }) as { root: Node & { type: string } }

/** A stored Lexical node as the tests read it back. */
export type StoredNode = {
  type: string
  tag?: string
  text?: string
  children?: StoredNode[]
  fields?: Record<string, unknown>
  value?: unknown
}

/** Every node of a stored editor state, depth first. */
export function nodesOf(state: unknown): StoredNode[] {
  const found: StoredNode[] = []
  const walk = (node: StoredNode) => {
    found.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  walk((state as { root: StoredNode }).root)
  return found
}

/** The text of a node and everything under it. */
export const textOf = (node: StoredNode): string => node.text ?? (node.children ?? []).map(textOf).join('')
