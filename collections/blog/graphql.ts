import type { GraphQLExtension } from 'payload'

import { hasRole } from '../shared/access/roles'
import { httpError, parseId, wholeNumber } from '../shared/endpoints'
import type { ResolverContext } from '../shared/graphql'
import { findPostBySlug, POST_BODIES, type PostBody } from './Posts/findBySlug'
import { findRelatedPosts, MAX_RELATED } from './Posts/relatedPosts'
import { schedulePost } from './Posts/schedule'
import { mergeTag } from './Tags/mergeTag'

/** The GraphQL twins of the blog's REST endpoints. */
export const blogQueries: GraphQLExtension = (GraphQL, { collections }) => {
  const PostBySlug = new GraphQL.GraphQLObjectType({
    name: 'PostBySlug',
    fields: {
      doc: { type: collections.posts.graphQL!.type },
      redirectedFrom: {
        type: GraphQL.GraphQLString,
        description: 'The former slug that was asked for, when the post has moved.',
      },
    },
  })
  const PostBodyEnum = new GraphQL.GraphQLEnumType({
    name: 'PostBody',
    description:
      'Which forms of the body to load: the rendered HTML (`contentHtml`), the Lexical JSON (`content`), or both.',
    values: Object.fromEntries(POST_BODIES.map((body) => [body, { value: body }])),
  })
  const RelatedPost = new GraphQL.GraphQLObjectType({
    name: 'RelatedPost',
    fields: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      title: { type: GraphQL.GraphQLString },
      slug: { type: GraphQL.GraphQLString },
      publishedAt: { type: GraphQL.GraphQLString },
      sharedTags: { type: GraphQL.GraphQLInt },
      handPicked: { type: GraphQL.GraphQLBoolean },
    },
  })
  return {
    PostBySlug: {
      type: PostBySlug,
      args: {
        slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        draft: { type: GraphQL.GraphQLBoolean },
        body: { type: PostBodyEnum, defaultValue: 'both' },
      },
      resolve: async (_: unknown, args: { slug: string; draft?: boolean; body: PostBody }, { req }: ResolverContext) =>
        findPostBySlug(req.payload, req, args.slug, { draft: Boolean(args.draft), body: args.body }),
    },
    RelatedPosts: {
      type: new GraphQL.GraphQLList(RelatedPost),
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) }, limit: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { id: string; limit?: number }, { req }: ResolverContext) => {
        const limit = wholeNumber(args.limit, 'limit', { min: 1, max: MAX_RELATED, fallback: 5 })
        const related = await findRelatedPosts(req.payload, req, parseId(req, args.id, 'id'), limit)
        return related.map((post) => ({ ...post, id: String(post.id) }))
      },
    },
  }
}

export const blogMutations: GraphQLExtension = (GraphQL, { collections }) => {
  const MergeTagResult = new GraphQL.GraphQLObjectType({
    name: 'MergeTagResult',
    fields: { tag: { type: collections.tags.graphQL!.type }, movedPosts: { type: GraphQL.GraphQLInt } },
  })
  const ScheduledPost = new GraphQL.GraphQLObjectType({
    name: 'ScheduledPost',
    fields: {
      jobId: { type: GraphQL.GraphQLString },
      postId: { type: GraphQL.GraphQLString },
      type: { type: GraphQL.GraphQLString },
      at: { type: GraphQL.GraphQLString },
    },
  })
  return {
    schedulePost: {
      type: ScheduledPost,
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        at: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        type: { type: GraphQL.GraphQLString },
      },
      resolve: async (_: unknown, args: { id: string; at: string; type?: string }, { req }: ResolverContext) => {
        const scheduled = await schedulePost(req, parseId(req, args.id, 'id'), args.at, args.type ?? 'publish')
        return { ...scheduled, jobId: String(scheduled.jobId), postId: String(scheduled.postId) }
      },
    },
    mergeTag: {
      type: MergeTagResult,
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        into: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      },
      resolve: async (_: unknown, args: { id: string; into: string }, { req }: ResolverContext) => {
        if (!hasRole(req.user, 'admin', 'editor')) throw httpError('Only editors and admins may merge tags.', 403)
        return mergeTag(req, parseId(req, args.id, 'id'), parseId(req, args.into, 'into'))
      },
    },
  }
}
