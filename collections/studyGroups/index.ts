import type { SanitizedDevlogOptions } from '../options'
import { hasRole } from '../shared/access/roles'
import type { DevlogFeature } from '../shared/feature'
import { label } from '../shared/lib/labels'
import { operatedGroupIds } from './access'
import { createCohortsCollection } from './Cohorts/index'
import { studyGroupMutations, studyGroupQueries } from './graphql'
import { feedMutations, feedQueries, MemberFeedItems, memberFeedEndpoints, pollFeedsTask } from './feeds/index'
import { digestEndpoints, noticeMutations, noticeQueries, noticeTasks, StudyNotices } from './notices/index'
import { mergeGraphQLExtensions } from '../shared/graphql'
import { CLAIM_VIEW_PATH, memberAccountEndpoints } from './memberAccounts'
import { createMembersCollection } from './Members'
import { Memberships } from './Memberships'
import { StudyGroups } from './StudyGroups/index'
import { StudySessions } from './StudySessions'
import { Submissions } from './Submissions/index'

/**
 * Study groups and their rosters: cohorts, members, weekly sessions, submissions; submissions from
 * members' blog feeds; reminders, summaries and weekly digests.
 */
export const studyGroupsFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const { feeds } = options.studyGroups
  const feedSettings = { ...feeds, allowPrivateHosts: options.outbound.allowPrivateHosts }
  return {
    collections: [
      StudyGroups,
      createCohortsCollection({ componentsPath: options.adminComponentsPath }),
      createMembersCollection({ componentsPath: options.adminComponentsPath }),
      Memberships,
      StudySessions,
      Submissions,
      MemberFeedItems,
      StudyNotices,
    ],
    collectionEndpoints: {
      members: [...memberFeedEndpoints(feedSettings), ...memberAccountEndpoints],
      'study-sessions': digestEndpoints,
    },
    views: {
      devlogClaimMember: {
        Component: `${options.adminServerComponentsPath}#ClaimMemberView`,
        path: CLAIM_VIEW_PATH,
      },
    },
    tasks: [
      pollFeedsTask(feedSettings, feeds.schedule),
      ...noticeTasks({
        schedule: options.studyGroups.notices.schedule,
        retryDelayMs: options.webhooks.retryDelayMs,
        allowPrivateHosts: options.outbound.allowPrivateHosts,
      }),
    ],
    queries: mergeGraphQLExtensions(studyGroupQueries, feedQueries, noticeQueries),
    mutations: mergeGraphQLExtensions(studyGroupMutations, feedMutations(feedSettings), noticeMutations),
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
  }
}
