import type { CollectionConfig, RichTextField } from 'payload'

import { isEditor, publishedOrEditor } from '../../shared/access/roles'
import { deriveContent, derivedContentFields } from '../../shared/fields/derivedContent'
import { publishedAtField, publishedNewestFirstIndex, setPublishedAt } from '../../shared/fields/publishedAt'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { sourceHashField } from '../../shared/fields/sourceHash'
import { label, staticLabel } from '../../shared/lib/labels'
import { EDITORIAL_VERSIONS } from '../../shared/versions'
import { postEndpoints } from '../endpoints'
import type { Post } from '../types'
import { seriesNavigation } from './hooks/seriesNavigation'
import { trackSlugHistory } from './hooks/trackSlugHistory'
import {
  readCountedTagsBeforeChange,
  updateTagCountsAfterChange,
  updateTagCountsAfterDelete,
} from './hooks/updateTagCounts'

/** `editor`: Devlog's rich-text editor (`createDevlogEditor`), built with the host's options. */
export const createPostsCollection = ({ editor }: { editor: RichTextField['editor'] }): CollectionConfig => ({
  slug: 'posts',
  labels: { singular: label('post'), plural: label('posts') },
  // Versions hold drafts, and drafts saved over published documents: editors only.
  access: { read: publishedOrEditor, readVersions: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt'],
  },
  defaultSort: '-publishedAt',
  indexes: [publishedNewestFirstIndex],
  // A related post is shown as a card; its full body would multiply the size of every read.
  defaultPopulate: { title: true, slug: true, excerpt: true, publishedAt: true, coverImage: true, readingTime: true },
  versions: EDITORIAL_VERSIONS,
  hooks: {
    beforeChange: [
      setPublishedAt,
      trackSlugHistory,
      deriveContent<Post>({ content: (post) => [post.content], excerptField: 'excerpt' }),
      readCountedTagsBeforeChange,
    ],
    afterChange: [updateTagCountsAfterChange],
    afterDelete: [updateTagCountsAfterDelete],
  },
  endpoints: postEndpoints,
  fields: [
    { name: 'title', type: 'text', label: label('title'), required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    {
      name: 'excerpt',
      type: 'textarea',
      label: label('excerpt'),
      maxLength: 500,
      admin: { description: label('leftEmptyTheFirstParagraph') },
    },
    // A label in both languages rather than a function: Payload renders the rich-text field's
    // label once on the server and reuses it, whatever language the next editor uses.
    { name: 'content', type: 'richText', editor, label: staticLabel('content') },
    ...derivedContentFields(),
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: label('coverImage'),
      ...mustExist,
    },
    {
      name: 'tags',
      type: 'relationship',
      label: label('tags'),
      relationTo: 'tags',
      hasMany: true,
      ...mustExist,
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'series', type: 'relationship', relationTo: 'series', label: label('series'), ...mustExist },
        {
          name: 'seriesOrder',
          type: 'number',
          label: label('placeInSeries'),
          min: 1,
          admin: { condition: (data) => Boolean(data?.series) },
        },
      ],
    },
    {
      name: 'seriesNavigation',
      type: 'json',
      virtual: true,
      label: label('seriesNavigation'),
      admin: { hidden: true },
      hooks: { afterRead: [seriesNavigation] },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: label('authors'),
      ...mustExist,
      defaultValue: ({ user }) => (user ? [user.id] : []),
      admin: { position: 'sidebar' },
    },
    {
      name: 'relatedPosts',
      type: 'relationship',
      relationTo: 'posts',
      hasMany: true,
      label: label('relatedPostsHandPicked'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      admin: {
        description: label('shownBeforeThePostsThat'),
      },
    },
    publishedAtField(),
    sourceHashField(),
    {
      name: 'canonicalUrl',
      type: 'text',
      label: label('canonicalURL'),
      admin: {
        position: 'sidebar',
        description: label('forPostsCrossPostedElsewhere'),
      },
      validate: (value: string | null | undefined) => {
        if (!value) return true
        try {
          const url = new URL(value)
          return url.protocol === 'https:' || url.protocol === 'http:'
            ? true
            : 'The canonical URL must use http or https.'
        } catch {
          return 'The canonical URL must be an absolute URL such as https://example.com/post.'
        }
      },
    },
    {
      name: 'featured',
      type: 'checkbox',
      label: label('featured'),
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    {
      name: 'previousSlugs',
      type: 'text',
      hasMany: true,
      index: true,
      label: label('formerSlugs'),
      // The original keeps resolving its former slugs, not its duplicate.
      hooks: { beforeDuplicate: [() => []] },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.previousSlugs?.length) },
    },
  ],
})
