import { GraphQLJSON } from '@payloadcms/graphql/types'
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { findPostBySlug, MAX_RELATED, parseLimit } from './blog/Posts/endpoints.js'
import { findRelatedPosts } from './blog/Posts/relatedPosts.js'
import { buildTimeline } from './retrospectives/Retrospectives/timeline.js'
import { schedulePost } from './blog/Posts/schedule.js'
import { groupPage } from './studyGroups/StudyGroups/endpoints.js'
import { mergeTag } from './blog/Tags/mergeTag.js'
import { search } from './delivery/search.js'
import { buildBoard } from './studyGroups/roster/board.js'
import { importRoster } from './studyGroups/roster/importRoster.js'
import { membershipStatus, publicRoster, weeklySubmissions } from './studyGroups/roster/public.js'
import { generateSessions } from './studyGroups/roster/sessions.js'
import { submitWork } from './studyGroups/roster/submit.js'
import { hasRole } from './shared/access/roles.js'

type Context = { req: PayloadRequest }

/** GraphQL passes ids as strings; SQLite's are numbers. */
const asId = (req: PayloadRequest, value: string | undefined) =>
  value !== undefined && req.payload.db.defaultIDType === 'number' && /^\d+$/.test(value) ? Number(value) : value

/** The GraphQL twins of Devlog's REST endpoints, so a GraphQL front end needs nothing else. */
export const devlogQueries: GraphQLExtension = (GraphQL, { collections }) => {
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
      },
      resolve: async (_: unknown, args: { slug: string; draft?: boolean }, { req }: Context) =>
        findPostBySlug(req.payload, req, args.slug, Boolean(args.draft)),
    },
    RetrospectiveTimeline: {
      type: GraphQLJSON,
      description:
        'Published retrospectives by year, newest first, with goal counts: the same as GET /api/retrospectives/timeline.',
      resolve: async (_: unknown, __: unknown, { req }: Context) => buildTimeline(req.payload, req),
    },
    Search: {
      type: GraphQLJSON,
      description: 'Ranked full-text search over published posts and retrospectives (GET /api/search?q=).',
      args: {
        q: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        page: { type: GraphQL.GraphQLInt },
        limit: { type: GraphQL.GraphQLInt },
      },
      resolve: async (_: unknown, args: { q: string; page?: number; limit?: number }, { req }: Context) =>
        search(req.payload, req, args.q, args.page ?? 1, args.limit ?? 10),
    },
    StudyGroupPage: {
      type: GraphQLJSON,
      description: 'A study group by slug with its sub-studies and cohorts (GET /api/study-groups/slug/:slug).',
      args: { slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { slug: string }, { req }: Context) => groupPage(req, args.slug),
    },
    CohortBoard: {
      type: GraphQLJSON,
      description: 'The roster board of a cohort, for its operators (GET /api/cohorts/:id/board).',
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { id: string }, { req }: Context) => buildBoard(req, args.id),
    },
    CohortPublicRoster: {
      type: GraphQLJSON,
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { id: string }, { req }: Context) => publicRoster(req, args.id),
    },
    WeeklySubmissions: {
      type: GraphQLJSON,
      args: { cohort: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) }, week: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { cohort: string; week?: number }, { req }: Context) =>
        weeklySubmissions(req, args.cohort, args.week ?? undefined),
    },
    MembershipStatus: {
      type: GraphQLJSON,
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { id: string }, { req }: Context) => membershipStatus(req, args.id),
    },
    RelatedPosts: {
      type: new GraphQL.GraphQLList(RelatedPost),
      args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) }, limit: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { id: string; limit?: number }, { req }: Context) => {
        const related = await findRelatedPosts(req.payload, req, args.id, parseLimit(args.limit, 5, MAX_RELATED))
        return related.map((post) => ({ ...post, id: String(post.id) }))
      },
    },
  }
}

export const devlogMutations: GraphQLExtension = (GraphQL, { collections }) => {
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
      resolve: async (_: unknown, args: { id: string; at: string; type?: string }, { req }: Context) => {
        const scheduled = await schedulePost(req, args.id, args.at, args.type ?? 'publish')
        return { ...scheduled, jobId: String(scheduled.jobId), postId: String(scheduled.postId) }
      },
    },
    submitWork: {
      type: GraphQLJSON,
      description: 'Submit or resubmit a week’s work (POST /api/submissions/submit).',
      args: {
        session: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        membership: { type: GraphQL.GraphQLString },
        url: { type: GraphQL.GraphQLString },
        post: { type: GraphQL.GraphQLString },
        title: { type: GraphQL.GraphQLString },
      },
      resolve: async (_: unknown, args: Record<string, string | undefined>, { req }: Context) =>
        submitWork(req, {
          ...args,
          session: asId(req, args.session),
          membership: asId(req, args.membership),
          post: asId(req, args.post),
        }),
    },
    generateSessions: {
      type: GraphQLJSON,
      args: { cohort: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { cohort: string }, { req }: Context) => generateSessions(req, args.cohort),
    },
    importRoster: {
      type: GraphQLJSON,
      args: {
        cohort: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        csv: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        dryRun: { type: GraphQL.GraphQLBoolean },
      },
      resolve: async (_: unknown, args: { cohort: string; csv: string; dryRun?: boolean }, { req }: Context) =>
        importRoster(req, args.cohort, args.csv, args.dryRun !== false),
    },
    mergeTag: {
      type: MergeTagResult,
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        into: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      },
      resolve: async (_: unknown, args: { id: string; into: string }, { req }: Context) => {
        if (!hasRole(req.user, 'admin', 'editor'))
          throw new APIError('Only editors and admins may merge tags.', 403, undefined, true)
        return mergeTag(req, args.id, args.into)
      },
    },
  }
}

/** Adds Devlog's queries and mutations next to the host's own. */
export function mergeGraphQLExtensions(host: GraphQLExtension | undefined, devlog: GraphQLExtension): GraphQLExtension {
  return (GraphQL, context) => ({ ...host?.(GraphQL, context), ...devlog(GraphQL, context) })
}
