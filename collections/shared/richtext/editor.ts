import {
  BlocksFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  lexicalEditor,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { CalloutBlock } from './blocks/Callout'
import { createCodeBlock } from './blocks/Code'
import { codeFenceFeature } from './codeFence/index'
import { EmbedBlock } from './blocks/Embed'
import { FootnoteBlock } from './blocks/Footnote'
import { label } from '../lib/labels'

/**
 * The editor of posts and retrospectives: Payload's default features (headings, lists,
 * checklists, links, quotes, inline code, horizontal rule…) plus tables, images with captions,
 * blocks for code, callouts, embeds and footnotes, and Markdown code fences (typed or pasted).
 */
export const createDevlogEditor = ({ componentsPath }: { componentsPath: string }) =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => feature.key !== 'upload'),
      FixedToolbarFeature(),
      EXPERIMENTAL_TableFeature(),
      UploadFeature({
        collections: {
          media: { fields: [{ name: 'caption', type: 'text', label: label('caption') }] },
        },
      }),
      BlocksFeature({
        blocks: [createCodeBlock({ componentsPath }), CalloutBlock, EmbedBlock],
        inlineBlocks: [FootnoteBlock],
      }),
      codeFenceFeature({ componentsPath }),
    ],
  })
