import type { CollectionConfig } from 'payload'

import { isEditor, publishedOrEditor } from '../../shared/access/roles'
import { devlogEditor } from '../../shared/richtext/editor'
import type { EditorState } from '../../shared/richtext/render'
import { deriveContent, derivedContentFields } from '../../shared/fields/derivedContent'
import { publishedAtField, publishedNewestFirstIndex, setPublishedAt } from '../../shared/fields/publishedAt'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { sourceHashField } from '../../shared/fields/sourceHash'
import { label } from '../../shared/lib/labels'
import { postEndpoints } from '../endpoints'
import { seriesNavigation } from './hooks/seriesNavigation'
import { trackSlugHistory } from './hooks/trackSlugHistory'
import { updateTagCountsAfterChange, updateTagCountsAfterDelete } from './hooks/updateTagCounts'

export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: label('Post', '글'), plural: label('Posts', '글') },
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt'],
  },
  defaultSort: '-publishedAt',
  indexes: [publishedNewestFirstIndex],
  // A related post is shown as a card; its full body would multiply the size of every read.
  defaultPopulate: { title: true, slug: true, excerpt: true, publishedAt: true, coverImage: true, readingTime: true },
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  hooks: {
    beforeChange: [
      setPublishedAt,
      trackSlugHistory,
      deriveContent({ content: (data) => [data.content as EditorState | undefined], excerptField: 'excerpt' }),
    ],
    afterChange: [updateTagCountsAfterChange],
    afterDelete: [updateTagCountsAfterDelete],
  },
  endpoints: postEndpoints,
  fields: [
    { name: 'title', type: 'text', label: label('Title', '제목'), required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    {
      name: 'excerpt',
      type: 'textarea',
      label: label('Excerpt', '요약'),
      maxLength: 500,
      admin: { description: label('Left empty, the first paragraph is used.', '비워 두면 첫 문단을 씁니다.') },
    },
    { name: 'content', type: 'richText', editor: devlogEditor, label: label('Content', '본문') },
    ...derivedContentFields(),
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: label('Cover image', '커버 이미지'),
      ...mustExist,
    },
    {
      name: 'tags',
      type: 'relationship',
      label: label('Tags', '태그'),
      relationTo: 'tags',
      hasMany: true,
      ...mustExist,
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'series', type: 'relationship', relationTo: 'series', label: label('Series', '시리즈'), ...mustExist },
        {
          name: 'seriesOrder',
          type: 'number',
          label: label('Place in series', '시리즈 순서'),
          min: 1,
          admin: { condition: (data) => Boolean(data?.series) },
        },
      ],
    },
    {
      name: 'seriesNavigation',
      type: 'json',
      virtual: true,
      label: label('Series navigation', '시리즈 탐색'),
      admin: { hidden: true },
      hooks: { afterRead: [seriesNavigation] },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: label('Authors', '저자'),
      ...mustExist,
      defaultValue: ({ user }) => (user ? [user.id] : []),
      admin: { position: 'sidebar' },
    },
    {
      name: 'relatedPosts',
      type: 'relationship',
      relationTo: 'posts',
      hasMany: true,
      label: label('Related posts (hand-picked)', '관련 글 (직접 선택)'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      admin: {
        description: label(
          'Shown before the posts that share tags (GET /api/posts/:id/related).',
          '태그가 겹치는 글보다 먼저 보입니다 (GET /api/posts/:id/related).',
        ),
      },
    },
    publishedAtField(),
    sourceHashField(),
    {
      name: 'canonicalUrl',
      type: 'text',
      label: label('Canonical URL', '원본 URL'),
      admin: {
        position: 'sidebar',
        description: label('For posts cross-posted elsewhere.', '다른 곳에 먼저 게시한 글이라면 그 주소.'),
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
      label: label('Featured', '추천 글'),
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    {
      name: 'previousSlugs',
      type: 'text',
      hasMany: true,
      index: true,
      label: label('Former slugs', '이전 슬러그'),
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.previousSlugs?.length) },
    },
  ],
}
