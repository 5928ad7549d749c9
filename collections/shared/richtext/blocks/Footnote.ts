import type { Block } from 'payload'

import { label } from '../../lib/labels'

/** An inline footnote: a marker in the text, its note collected at the end of the document. */
export const FootnoteBlock: Block = {
  slug: 'footnote',
  interfaceName: 'FootnoteBlock',
  labels: { singular: label('footnote'), plural: label('footnotes') },
  fields: [{ name: 'note', type: 'textarea', label: label('noteFootnote'), required: true }],
}
