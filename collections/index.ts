import { DELIVER_NOTICE_TASK } from './studyGroups/notices/deliver'
import { DELIVER_WEBHOOK_TASK } from './webhooks/deliver'

export { devlogPlugin } from './plugin'
export {
  DEVLOG_COLLECTIONS,
  OPTIONAL_FEATURES,
  type CollectionOverride,
  type DevlogCollectionSlug,
  type DevlogPluginOptions,
  type OptionalFeature,
  type SanitizedDevlogOptions,
} from './options'
export { ROLES, hasRole, isEditorRequest, type Role } from './shared/access/roles'
export { slugify, validateSlug } from './shared/lib/slugify'
export { onContentChange } from './delivery/contentEvents'
export { translations, type DevlogTranslationKeys, type DevlogTranslations } from './translations/index'
export type { Id, Relation } from './shared/documents'
export type { Media, User } from './core/types'
export type { Post, Series, Tag } from './blog/types'
export type { Retrospective, RetrospectiveArea, RetrospectiveGoal, RetrospectivePeriod } from './retrospectives/types'
export type {
  Cohort,
  Member,
  Membership,
  StudyGroup,
  StudyGroupRules,
  StudySession,
  Submission,
} from './studyGroups/types'
export type { Webhook, WebhookDelivery } from './webhooks/types'
export { guardGraphQLRequests } from './guard/graphqlRequests'
export { graphQLOverGet } from './delivery/graphqlRequests'

/**
 * The jobs that deliver to other servers (webhooks; reminders by mail, Slack and Discord). A failed
 * attempt, retried with back-off and recorded on the delivery, is the receiver's matter: a host's
 * logger may write Payload's report of it below `error`.
 */
export const DELIVERY_TASKS: readonly string[] = [DELIVER_WEBHOOK_TASK, DELIVER_NOTICE_TASK]
