import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '../shared/access/roles'
import { label } from '../shared/lib/labels'

export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const

export function createMediaCollection({ mediaDir }: { mediaDir: string }): CollectionConfig {
  return {
    slug: 'media',
    labels: { singular: label('media'), plural: label('media') },
    access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
    admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
    upload: {
      staticDir: path.resolve(mediaDir),
      mimeTypes: ['image/*'],
      adminThumbnail: 'thumbnail',
      focalPoint: true,
      imageSizes: [
        { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
        { name: 'social', width: SOCIAL_IMAGE.width, height: SOCIAL_IMAGE.height, position: 'centre' },
      ],
    },
    fields: [
      {
        name: 'alt',
        type: 'text',
        label: label('alternativeText'),
        required: true,
        admin: {
          description: label('describesTheImageForScreen'),
        },
      },
      { name: 'caption', type: 'text', label: label('caption') },
    ],
  }
}
