import type { CollectionConfig } from 'payload'

import { isEditor, publishedOrEditor } from '../../src/access/roles'
import { slugField } from '../../src/fields/slug'
import { label } from '../../src/lib/labels'
import { setPublishedAt } from './hooks/setPublishedAt'

export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: label('Post', '글'), plural: label('Posts', '글') },
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt'],
  },
  defaultSort: '-publishedAt',
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  hooks: { beforeChange: [setPublishedAt] },
  fields: [
    { name: 'title', type: 'text', label: label('Title', '제목'), required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    { name: 'excerpt', type: 'textarea', label: label('Excerpt', '요약'), maxLength: 500 },
    { name: 'content', type: 'richText', label: label('Content', '본문') },
    {
      name: 'tags',
      type: 'relationship',
      label: label('Tags', '태그'),
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: label('Published at', '발행일'),
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
