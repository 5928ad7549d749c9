import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '../shared/access/roles'
import { slugField } from '../shared/fields/slug'
import { label } from '../shared/lib/labels'

export const Series: CollectionConfig = {
  slug: 'series',
  labels: { singular: label('series'), plural: label('series') },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'updatedAt'] },
  // A series shown on a post needs its name and link, not the join listing its posts.
  defaultPopulate: { title: true, slug: true },
  fields: [
    { name: 'title', type: 'text', label: label('title'), required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    { name: 'description', type: 'textarea', label: label('descriptionSeries'), maxLength: 1000 },
    {
      name: 'posts',
      type: 'join',
      label: label('postsInOrder'),
      collection: 'posts',
      on: 'series',
      where: { _status: { equals: 'published' } },
      defaultSort: 'seriesOrder',
      defaultLimit: 100,
    },
  ],
}
