import type { SanitizedDevlogOptions } from '../options.js'
import type { DevlogFeature } from '../shared/feature.js'
import { retrospectiveQueries } from './graphql.js'
import { ensureDefaultAreas, RetrospectiveAreas } from './RetrospectiveAreas.js'
import { createRetrospectivesCollection } from './Retrospectives/index.js'

/** Quarterly and yearly retrospectives (회고) with goals carried over, and the areas they cover. */
export const retrospectivesFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [
    RetrospectiveAreas,
    createRetrospectivesCollection({ linkStudyGroups: options.features.studyGroups }),
  ],
  queries: retrospectiveQueries,
  onInit: ensureDefaultAreas,
})
