import type { SanitizedDevlogOptions } from '../options'
import { isEditorRequest } from '../shared/access/roles'
import type { DevlogFeature } from '../shared/feature'
import { blogMutations, blogQueries } from './graphql'
import { createDevlogEditor } from '../shared/richtext/editor'
import { createPostsCollection } from './Posts/index'
import { Series } from './Series'
import { label } from '../shared/lib/labels'
import { createTagsCollection } from './Tags/index'

/** Posts, tags and series: the blog itself, always on. */
export const blogFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [
    createTagsCollection({ componentsPath: options.adminComponentsPath }),
    Series,
    createPostsCollection({ editor: createDevlogEditor({ componentsPath: options.adminComponentsPath }) }),
  ],
  queries: blogQueries,
  mutations: blogMutations,
  widgets: [
    {
      slug: 'devlog-writing',
      label: label('dashboardWriting'),
      Component: `${options.adminServerComponentsPath}#WritingWidget`,
      minWidth: 'medium',
      width: 'large',
      shownTo: (req) => isEditorRequest({ req }),
    },
  ],
})
