import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLExtension } from 'payload'

import type { ResolverContext } from '../shared/graphql'
import { buildTimeline } from './Retrospectives/timeline'

export const retrospectiveQueries: GraphQLExtension = () => ({
  RetrospectiveTimeline: {
    type: GraphQLJSON,
    description:
      'Published retrospectives by year, newest first, with goal counts: the same as GET /api/retrospectives/timeline.',
    resolve: async (_: unknown, __: unknown, { req }: ResolverContext) => buildTimeline(req.payload, req),
  },
})
