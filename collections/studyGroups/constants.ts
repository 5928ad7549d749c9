/** What a study group is: a program holds sub-studies; the others meet on their own. */
export const GROUP_KINDS = ['program', 'posting-study', 'topic-study', 'reading-group'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

/** What a person is in one cohort. */
export const MEMBERSHIP_ROLES = ['organizer', 'operator', 'leader', 'member'] as const
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

export const MEMBERSHIP_STATUSES = ['applied', 'active', 'on-leave', 'completed', 'dropped'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

/** Where a submission came from: recorded by a person, or found in the member's blog feed. */
export const SUBMISSION_SOURCES = ['manual', 'feed'] as const
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number]
