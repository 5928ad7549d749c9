import type { SanitizedDevlogOptions } from '../options.js'
import type { DevlogFeature } from '../shared/feature.js'
import { createCohortsCollection } from './Cohorts/index.js'
import { studyGroupMutations, studyGroupQueries } from './graphql.js'
import { Members } from './Members.js'
import { Memberships } from './Memberships.js'
import { StudyGroups } from './StudyGroups/index.js'
import { StudySessions } from './StudySessions.js'
import { Submissions } from './Submissions/index.js'

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
