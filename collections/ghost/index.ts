import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
import { ContentApiKeys } from './ContentApiKeys'
import { ghostContentEndpoints } from './endpoints'

export { GHOST_CONTENT_PATH } from './endpoints'

/** Ghost's Content API over Devlog's published posts, tags and authors, for front ends built for Ghost. */
export const ghostFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [ContentApiKeys],
  endpoints: ghostContentEndpoints(options.clientAddress),
})
