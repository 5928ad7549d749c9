import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLExtension } from 'payload'

import type { ResolverContext } from '../shared/graphql'
import { search } from './search'

export const searchQueries: GraphQLExtension = (GraphQL) => ({
  Search: {
    type: GraphQLJSON,
    description: 'Ranked full-text search over published posts and retrospectives (GET /api/search?q=).',
    args: {
      q: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      page: { type: GraphQL.GraphQLInt },
      limit: { type: GraphQL.GraphQLInt },
    },
    resolve: async (_: unknown, args: { q: string; page?: number; limit?: number }, { req }: ResolverContext) =>
      search(req.payload, req, args.q, args.page ?? 1, args.limit ?? 10),
  },
})
