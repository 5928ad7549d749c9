import { randomBytes } from 'node:crypto'
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../shared/access/roles'
import { label, staticLabel } from '../shared/lib/labels'

/**
 * Keys for the Ghost-compatible Content API: a name and a 26-character lowercase hex key (what
 * Ghost's client checks), made by the server when an admin creates one; deleting it revokes it.
 * A key reads published content only, like a visitor.
 */
export const ContentApiKeys: CollectionConfig = {
  slug: 'content-api-keys',
  labels: { singular: label('contentApiKey'), plural: label('contentApiKeys') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'key', 'createdAt'],
    group: staticLabel('settings'),
    description: staticLabel('contentApiKeysDescription'),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', label: label('name'), required: true, maxLength: 100 },
    {
      name: 'key',
      type: 'text',
      label: label('contentApiKey'),
      unique: true,
      index: true,
      admin: { readOnly: true },
      access: { create: () => false, update: () => false },
      hooks: {
        beforeChange: [({ value, operation }) => (operation === 'create' ? randomBytes(13).toString('hex') : value)],
      },
    },
  ],
}
