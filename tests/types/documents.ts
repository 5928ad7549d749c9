/**
 * Devlog's package describes its documents itself (it is compiled without a host's generated
 * types). This file, type-checked by `npm test`, fails when a package type drifts from the schema:
 * each document Payload generates for Devlog's app must be a value of the package's type.
 */
import type * as Generated from '../../payload-types'
import type * as Package from '../../collections'

type Conforms<Actual, Expected> = [Actual] extends [Expected] ? true : false

export const documentTypesConform = {
  user: true satisfies Conforms<Generated.User, Package.User>,
  media: true satisfies Conforms<Generated.Media, Package.Media>,
  post: true satisfies Conforms<Generated.Post, Package.Post>,
  tag: true satisfies Conforms<Generated.Tag, Package.Tag>,
  series: true satisfies Conforms<Generated.Series, Package.Series>,
  retrospective: true satisfies Conforms<Generated.Retrospective, Package.Retrospective>,
  retrospectiveArea: true satisfies Conforms<Generated.RetrospectiveArea, Package.RetrospectiveArea>,
  studyGroup: true satisfies Conforms<Generated.StudyGroup, Package.StudyGroup>,
  cohort: true satisfies Conforms<Generated.Cohort, Package.Cohort>,
  member: true satisfies Conforms<Generated.Member, Package.Member>,
  membership: true satisfies Conforms<Generated.Membership, Package.Membership>,
  studySession: true satisfies Conforms<Generated.StudySession, Package.StudySession>,
  submission: true satisfies Conforms<Generated.Submission, Package.Submission>,
  webhook: true satisfies Conforms<Generated.Webhook, Package.Webhook>,
  webhookDelivery: true satisfies Conforms<Generated.WebhookDelivery, Package.WebhookDelivery>,
}

// The check itself can fail: a field whose type differs from the schema's is reported.
// @ts-expect-error `featured` is a checkbox, never a string
export const driftIsReported = true satisfies Conforms<Generated.Post, Package.Post & { featured?: string }>
