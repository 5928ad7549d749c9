import type { Block } from 'payload'

import { label, options } from '../../lib/labels'

export const CALLOUT_KINDS = ['note', 'tip', 'warning'] as const

export const CalloutBlock: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: { singular: label('callout'), plural: label('callouts') },
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: label('kind'),
      required: true,
      defaultValue: 'note',
      options: options({ note: label('noteCallout'), tip: label('tip'), warning: label('warning') }),
    },
    { name: 'title', type: 'text', label: label('title'), maxLength: 200 },
    { name: 'body', type: 'textarea', label: label('textCallout'), required: true },
  ],
}
