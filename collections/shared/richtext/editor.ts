import {
  BlocksFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  lexicalEditor,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { CalloutBlock } from './blocks/Callout'
import { CodeBlock } from './blocks/Code'
import { EmbedBlock } from './blocks/Embed'
import { FootnoteBlock } from './blocks/Footnote'
import { label } from '../lib/labels'

/**
 * The editor of posts and retrospectives: Payload's default features (headings, lists,
 * checklists, links, quotes, inline code, horizontal rule…) plus tables, images with captions,
 * and blocks for code, callouts, embeds and footnotes.
 */
export const devlogEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'upload'),
    FixedToolbarFeature(),
    EXPERIMENTAL_TableFeature(),
    UploadFeature({
      collections: {
        media: { fields: [{ name: 'caption', type: 'text', label: label('caption') }] },
      },
    }),
    BlocksFeature({ blocks: [CodeBlock, CalloutBlock, EmbedBlock], inlineBlocks: [FootnoteBlock] }),
  ],
})
