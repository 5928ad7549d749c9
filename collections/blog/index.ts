import type { SanitizedDevlogOptions } from '../options.js'
import type { DevlogFeature } from '../shared/feature.js'
import { blogMutations, blogQueries } from './graphql.js'
import { Posts } from './Posts/index.js'
import { Series } from './Series.js'
import { createTagsCollection } from './Tags/index.js'

/** Posts, tags and series: the blog itself, always on. */
export const blogFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [createTagsCollection({ componentsPath: options.adminComponentsPath }), Series, Posts],
  queries: blogQueries,
  mutations: blogMutations,
})
