import type { Block } from 'payload'

import { label } from '../../lib/labels'

/** An inline footnote: a marker in the text, its note collected at the end of the document. */
export const FootnoteBlock: Block = {
  slug: 'footnote',
  interfaceName: 'FootnoteBlock',
  labels: { singular: label('Footnote', '각주'), plural: label('Footnotes', '각주') },
  fields: [{ name: 'note', type: 'textarea', label: label('Note', '각주 내용'), required: true }],
}
