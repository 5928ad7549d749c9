import type { CollectionBeforeDeleteHook, CollectionConfig } from 'payload'

import { anyone, isEditor } from '../../shared/access/roles'
import { slugField } from '../../shared/fields/slug'
import { label } from '../../shared/lib/labels'
import { tagEndpoints } from '../endpoints'
import { httpError } from '../../shared/endpoints'

/** A tag still used by posts is merged into another one, never silently dropped from them. */
const refuseDeletingUsedTag: CollectionBeforeDeleteHook = async ({ id, req, context }) => {
  if (context.mergingTag) return
  const { totalDocs } = await req.payload.count({
    collection: 'posts',
    where: { tags: { in: [id] } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw httpError(
      `This tag is used by ${totalDocs} post(s). Merge it into another tag instead: POST /api/tags/${id}/merge with {"into": <tag id>}.`,
      409,
    )
  }
}

/** `componentsPath`: where the admin finds Devlog's components (see DevlogPluginOptions). */
export const createTagsCollection = ({ componentsPath }: { componentsPath: string }): CollectionConfig => ({
  slug: 'tags',
  labels: { singular: label('tag'), plural: label('tags') },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'postCount', 'updatedAt'] },
  // A tag shown on a post is a chip: its posts (a join query per tag) would only slow every post read.
  defaultPopulate: { name: true, slug: true, colour: true, postCount: true },
  hooks: { beforeDelete: [refuseDeletingUsedTag] },
  endpoints: tagEndpoints,
  fields: [
    { name: 'name', type: 'text', label: label('name'), required: true, unique: true, maxLength: 60 },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', label: label('descriptionSeries'), maxLength: 500 },
    {
      name: 'colour',
      type: 'text',
      label: label('colour'),
      admin: { position: 'sidebar', description: label('aHexColourSuchAs') },
      validate: (value: string | null | undefined) =>
        !value || /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(value) ? true : 'The colour must be a hex colour such as #3b82f6.',
    },
    {
      name: 'postCount',
      type: 'number',
      label: label('publishedPosts'),
      defaultValue: 0,
      admin: { readOnly: true, position: 'sidebar' },
      // Maintained by the posts' hooks (with overrideAccess); nobody writes it by hand.
      access: { create: () => false, update: () => false },
    },
    {
      name: 'mergeInto',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: `${componentsPath}#MergeTagField` } },
    },
    {
      name: 'posts',
      type: 'join',
      label: label('posts'),
      collection: 'posts',
      on: 'tags',
      where: { _status: { equals: 'published' } },
      defaultSort: '-publishedAt',
      defaultLimit: 10,
    },
  ],
})
