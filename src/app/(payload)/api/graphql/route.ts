import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardGraphQLRequests } from '../../../../../collections'

export const POST = guardGraphQLRequests(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
