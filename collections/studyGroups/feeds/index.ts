import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { Endpoint, GraphQLExtension, TaskConfig } from 'payload'

import { idParam, json, parseId } from '../../shared/endpoints'
import type { ResolverContext } from '../../shared/graphql'
import { pollMemberFeeds, type FeedPollSettings } from './poll'
import { checkMemberFeedNow, memberFeedStatus } from './status'

export { MemberFeedItems } from './FeedItems'
export type { FeedPollSettings } from './poll'

/** `GET /api/members/:id/feed` and `POST /api/members/:id/feed/check`. */
export const memberFeedEndpoints = (settings: FeedPollSettings): Endpoint[] => [
  { path: '/:id/feed', method: 'get', handler: json((req) => memberFeedStatus(req, idParam(req))) },
  { path: '/:id/feed/check', method: 'post', handler: json((req) => checkMemberFeedNow(req, idParam(req), settings)) },
]

export const feedQueries: GraphQLExtension = (GraphQL) => ({
  MemberFeed: {
    type: GraphQLJSON,
    description:
      "A member's blog feed and its health: last checked, last success, last error, items seen, the latest items (GET /api/members/:id/feed).",
    args: { member: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
    resolve: async (_: unknown, args: { member: string }, { req }: ResolverContext) =>
      memberFeedStatus(req, parseId(req, args.member, 'member')),
  },
})

export const feedMutations =
  (settings: FeedPollSettings): GraphQLExtension =>
  (GraphQL) => ({
    checkMemberFeed: {
      type: GraphQLJSON,
      description: "Check a member's feed now, at most once a minute (POST /api/members/:id/feed/check).",
      args: { member: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { member: string }, { req }: ResolverContext) =>
        checkMemberFeedNow(req, parseId(req, args.member, 'member'), settings),
    },
  })

/** The scheduled round over every active member's feed, run by the jobs queue. */
export const pollFeedsTask = (settings: FeedPollSettings, cron: string): TaskConfig => ({
  slug: 'pollMemberFeeds',
  label: 'Poll members’ blog feeds',
  schedule: [{ cron, queue: 'default' }],
  // The next round tries again; a failed feed is recorded on its member.
  retries: 0,
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'newItems', type: 'number' },
    { name: 'submissions', type: 'number' },
  ],
  handler: async ({ req }) => {
    const { checked, failed, newItems, submissions } = await pollMemberFeeds(req.payload, settings)
    return { output: { checked, failed, newItems, submissions } }
  },
})
