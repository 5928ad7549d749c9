import type { Block } from 'payload'

import { parseLineRanges } from '../../lib/highlightLines'
import { label } from '../../lib/labels'
import { CODE_LANGUAGES } from './codeLanguages'
import { codeMarkdownConverter } from './codeMarkdown'

export const CodeBlock: Block = {
  slug: 'code',
  interfaceName: 'CodeBlock',
  jsx: codeMarkdownConverter as Block['jsx'],
  labels: { singular: label('Code', '코드'), plural: label('Code blocks', '코드 블록') },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'select',
          label: label('Language', '언어'),
          defaultValue: 'text',
          required: true,
          options: CODE_LANGUAGES.map((value) => ({ value, label: value })),
        },
        { name: 'filename', type: 'text', label: label('File name', '파일 이름'), maxLength: 200 },
        {
          name: 'highlightLines',
          type: 'text',
          label: label('Highlighted lines', '강조할 줄'),
          admin: { description: label('e.g. 1, 3-5', '예: 1, 3-5') },
          validate: (value: string | null | undefined) => {
            const parsed = parseLineRanges(value)
            return Array.isArray(parsed) ? true : parsed.error
          },
        },
      ],
    },
    { name: 'code', type: 'code', label: label('Code', '코드'), required: true },
  ],
}
