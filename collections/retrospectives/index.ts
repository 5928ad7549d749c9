import type { SanitizedDevlogOptions } from '../options'
import { isEditorRequest } from '../shared/access/roles'
import type { DevlogFeature } from '../shared/feature'
import { label } from '../shared/lib/labels'
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
      serverComponentsPath: options.adminServerComponentsPath,
      editor: createDevlogEditor({ componentsPath: options.adminComponentsPath }),
    }),
  ],
  queries: retrospectiveQueries,
  onInit: ensureDefaultAreas,
  widgets: [
    {
      slug: 'devlog-retrospective-goals',
      label: label('dashboardGoals'),
      Component: `${options.adminServerComponentsPath}#GoalsWidget`,
      minWidth: 'small',
      // Beside the writing widget (large) on one row.
      width: 'small',
      shownTo: (req) => isEditorRequest({ req }),
    },
  ],
})
