import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphQLOverGet, guardGraphQLRequests } from '../../../../../collections'

// Queries also over GET and as automatic persisted queries, so repeated anonymous ones are cacheable.
export const { GET, POST } = graphQLOverGet(guardGraphQLRequests(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
