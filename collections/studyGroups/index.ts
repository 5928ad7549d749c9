import type { SanitizedDevlogOptions } from '../options'
import { hasRole } from '../shared/access/roles'
import type { DevlogFeature } from '../shared/feature'
import { label } from '../shared/lib/labels'
import { operatedGroupIds } from './access'
import { createCohortsCollection } from './Cohorts/index'
import { studyGroupMutations, studyGroupQueries } from './graphql'
import { Members } from './Members'
import { Memberships } from './Memberships'
import { StudyGroups } from './StudyGroups/index'
import { StudySessions } from './StudySessions'
import { Submissions } from './Submissions/index'

/** Study groups and their rosters: cohorts, members, weekly sessions, submissions. */
export const studyGroupsFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [
    StudyGroups,
    createCohortsCollection({ componentsPath: options.adminComponentsPath }),
    Members,
    Memberships,
    StudySessions,
    Submissions,
  ],
  queries: studyGroupQueries,
  mutations: studyGroupMutations,
  widgets: [
    {
      slug: 'devlog-cohorts-this-week',
      label: label('dashboardCohorts'),
      Component: `${options.adminServerComponentsPath}#CohortsWidget`,
      minWidth: 'medium',
      width: 'full',
      // Admins, and operators who run at least one group.
      shownTo: async (req) =>
        hasRole(req.user, 'admin') || (hasRole(req.user, 'operator') && (await operatedGroupIds(req)).length > 0),
    },
  ],
})
