/** What a person is in one cohort. */
export const MEMBERSHIP_ROLES = ['organizer', 'operator', 'leader', 'member'] as const
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

export const MEMBERSHIP_STATUSES = ['applied', 'active', 'on-leave', 'completed', 'dropped'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]
