import type { CollectionConfig, Payload } from 'payload'

import { anyone, isEditor } from '../shared/access/roles'
import { slugField } from '../shared/fields/slug'
import { label, staticLabel } from '../shared/lib/labels'

/** The areas a retrospective looks back over; editors may add, rename or remove them. */
export const DEFAULT_AREAS = [
  { name: '커리어', nameEn: 'Career', slug: 'career' },
  { name: '학습', nameEn: 'Learning', slug: 'learning' },
  { name: '커뮤니티', nameEn: 'Community', slug: 'community' },
  { name: '건강', nameEn: 'Health', slug: 'health' },
  { name: '개인', nameEn: 'Personal', slug: 'personal' },
  { name: '기타', nameEn: 'Other', slug: 'other' },
]

export const RetrospectiveAreas: CollectionConfig = {
  slug: 'retrospective-areas',
  labels: { singular: label('retrospectiveArea'), plural: label('retrospectiveAreas') },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'nameEn', 'slug'], group: staticLabel('retrospectives') },
  fields: [
    { name: 'name', type: 'text', label: label('name'), required: true, unique: true, maxLength: 60 },
    { name: 'nameEn', type: 'text', label: label('englishName'), maxLength: 60 },
    slugField({
      from: 'nameEn',
      fallback: (data, originalDoc) => (typeof data.name === 'string' ? data.name : (originalDoc?.name as string)),
    }),
  ],
}

/** Creates the default areas in an empty database, once. */
export async function ensureDefaultAreas(payload: Payload) {
  const { totalDocs } = await payload.count({ collection: 'retrospective-areas', overrideAccess: true })
  if (totalDocs > 0) return
  for (const area of DEFAULT_AREAS) {
    try {
      await payload.create({ collection: 'retrospective-areas', data: area, overrideAccess: true })
    } catch (error) {
      // Another instance starting at the same time may have created it: the unique name wins.
      payload.logger.debug({ err: error }, `default retrospective area ${area.slug} not created`)
    }
  }
}
