import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
import { createDevlogEditor } from '../shared/richtext/editor'
import { retrospectiveQueries } from './graphql'
import { ensureDefaultAreas, RetrospectiveAreas } from './RetrospectiveAreas'
import { createRetrospectivesCollection } from './Retrospectives/index'

/** Quarterly and yearly retrospectives (회고) with goals carried over, and the areas they cover. */
export const retrospectivesFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [
    RetrospectiveAreas,
    createRetrospectivesCollection({
      linkStudyGroups: options.features.studyGroups,
      editor: createDevlogEditor({ componentsPath: options.adminComponentsPath }),
    }),
  ],
  queries: retrospectiveQueries,
  onInit: ensureDefaultAreas,
})
