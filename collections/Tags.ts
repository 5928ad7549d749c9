import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '../src/access/roles'
import { slugField } from '../src/fields/slug'
import { label } from '../src/lib/labels'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: label('Tag', '태그'), plural: label('Tags', '태그') },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  fields: [
    { name: 'name', type: 'text', label: label('Name', '이름'), required: true, unique: true, maxLength: 60 },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', label: label('Description', '설명'), maxLength: 500 },
  ],
}
