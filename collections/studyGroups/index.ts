import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
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
})
