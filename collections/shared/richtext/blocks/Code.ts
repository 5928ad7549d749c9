import type { Block } from 'payload'

import { parseLineRanges } from '../../lib/highlightLines'
import { label, staticLabel } from '../../lib/labels'
import { CODE_LANGUAGES } from './codeLanguages'
import { codeMarkdownConverter } from './codeMarkdown'

/** `componentsPath`: where the admin imports Devlog's components from (the code editor). */
export const createCodeBlock = ({ componentsPath }: { componentsPath: string }): Block => ({
  slug: 'code',
  interfaceName: 'CodeBlock',
  jsx: codeMarkdownConverter as Block['jsx'],
  labels: { singular: label('code'), plural: label('codeBlocks') },
  // The header names the file or the language instead of an empty block name ("Untitled").
  admin: { components: { Label: `${componentsPath}#CodeBlockLabel` } },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'select',
          label: label('language'),
          defaultValue: 'text',
          required: true,
          options: CODE_LANGUAGES.map((value) => ({ value, label: value })),
        },
        { name: 'filename', type: 'text', label: label('fileName'), maxLength: 200 },
        {
          name: 'highlightLines',
          type: 'text',
          label: label('highlightedLines'),
          admin: { description: label('eG135') },
          validate: (value: string | null | undefined) => {
            const parsed = parseLineRanges(value)
            return Array.isArray(parsed) ? true : parsed.error
          },
        },
      ],
    },
    {
      name: 'code',
      type: 'code',
      // In both languages: a custom field component gets its label once (see the post's `content`).
      label: staticLabel('code'),
      required: true,
      // Devlog's editor loads Monaco from where the host serves it and colours the block's language.
      admin: { components: { Field: `${componentsPath}#CodeBlockEditor` } },
    },
  ],
})
