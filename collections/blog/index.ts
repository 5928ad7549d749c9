import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
import { blogMutations, blogQueries } from './graphql'
import { Posts } from './Posts/index'
import { Series } from './Series'
import { createTagsCollection } from './Tags/index'

/** Posts, tags and series: the blog itself, always on. */
export const blogFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [createTagsCollection({ componentsPath: options.adminComponentsPath }), Series, Posts],
  queries: blogQueries,
  mutations: blogMutations,
})
