import type { GraphQLExtension, PayloadRequest } from 'payload'

/** What Payload hands every GraphQL resolver. */
export type ResolverContext = { req: PayloadRequest }

/** Queries or mutations of several features, side by side with the host's own. */
export function mergeGraphQLExtensions(...extensions: (GraphQLExtension | undefined)[]): GraphQLExtension {
  return (GraphQL, context) => Object.assign({}, ...extensions.map((extension) => extension?.(GraphQL, context) ?? {}))
}
