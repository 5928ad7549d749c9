import type { Block } from 'payload'

import { label, options } from '../../lib/labels'

export const CALLOUT_KINDS = ['note', 'tip', 'warning'] as const

export const CalloutBlock: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: { singular: label('Callout', '콜아웃'), plural: label('Callouts', '콜아웃') },
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: label('Kind', '종류'),
      required: true,
      defaultValue: 'note',
      options: options({ note: label('Note', '참고'), tip: label('Tip', '팁'), warning: label('Warning', '주의') }),
    },
    { name: 'title', type: 'text', label: label('Title', '제목'), maxLength: 200 },
    { name: 'body', type: 'textarea', label: label('Text', '내용'), required: true },
  ],
}
