import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionConfig, UploadConfig } from 'payload'

import { anyone, isEditor } from '../shared/access/roles'
import { label } from '../shared/lib/labels'

type UploadHandler = NonNullable<UploadConfig['handlers']>[number]

export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const

/**
 * Answers 404 for a file that is not in `staticDir` (Payload answers a missing file with a 500);
 * an existing one is left to Payload's own handler, which streams it.
 */
const missingFileAnswers404 =
  (staticDir: string) =>
  async (_req: unknown, { params }: { params: { filename: string } }): Promise<Response | void> => {
    const file = path.resolve(staticDir, params.filename)
    // A name that leaves the folder is Payload's to refuse (400).
    if (!file.startsWith(staticDir + path.sep)) return
    const found = await stat(file).catch(() => null)
    if (!found?.isFile()) return Response.json({ errors: [{ message: 'No such file.' }] }, { status: 404 })
  }

export function createMediaCollection({ mediaDir }: { mediaDir: string }): CollectionConfig {
  const staticDir = path.resolve(mediaDir)
  return {
    slug: 'media',
    labels: { singular: label('media'), plural: label('media') },
    access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
    admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
    upload: {
      staticDir,
      // Payload's type has a handler answer always or never; it falls through on anything not a Response.
      handlers: [missingFileAnswers404(staticDir) as UploadHandler],
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
