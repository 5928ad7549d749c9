import type { DocumentBase, LinkRow, Relation } from '../shared/documents'
import type { GroupKind, MembershipRole, MembershipStatus, SubmissionSource } from './constants'
import type { SubmissionReview } from './rosterRules'
import type { FeedHealth } from './feeds/health'
import type { Cadence, Weekday } from './deadlines'

/** How a group runs: the defaults its cohorts' sessions, deadlines and reports follow. */
export type StudyGroupRules = {
  cadence: Cadence
  sessionWeekday?: Weekday | null
  sessionTime?: string | null
  deadlineWeekday?: Weekday | null
  deadlineTime?: string | null
  timeZone: string
  passesPerMember?: number | null
  atRiskMisses?: number | null
  presentationsRequired?: boolean | null
  deposit?: number | null
  finePerMiss?: number | null
}

/** A row of a study group's roster (cohort, membership, session, submission), filtered by its group. */
export type GroupRow = DocumentBase & { group?: Relation | null }

export type StudyGroup = DocumentBase & {
  name: string
  slug?: string | null
  kind: GroupKind
  status: 'recruiting' | 'active' | 'finished'
  parent?: Relation | null
  description?: string | null
  operators?: Relation[] | null
  links?: LinkRow[] | null
  rules: StudyGroupRules
}

export type Cohort = DocumentBase & {
  group: Relation
  label: string
  number?: number | null
  status: 'planned' | 'active' | 'finished'
  startDate: string
  endDate: string
}

export type Member = DocumentBase & {
  displayName: string
  handle?: string | null
  blogUrl?: string | null
  /** The blog's feed when the member gives it; otherwise found from `blogUrl`. */
  feedUrl?: string | null
  feedStatus?: FeedHealth | null
  remindersOptOut?: boolean | null
  github?: string | null
  bio?: string | null
  email?: string | null
  phone?: string | null
  user?: Relation | null
  createdBy?: Relation | null
}

export type Membership = DocumentBase & {
  member: Relation
  cohort: Relation
  /** Copied from the cohort, so access rules filter on it without a join. */
  group?: Relation | null
  role: MembershipRole
  status: MembershipStatus
  joinedAt?: string | null
  leftAt?: string | null
}

export type StudySession = DocumentBase & {
  cohort: Relation
  group?: Relation | null
  number: number
  date: string
  deadline?: string | null
  topic?: string | null
  presenters?: Relation[] | null
  place?: string | null
  onlineUrl?: string | null
  notes?: string | null
  attendance?: { id?: string | null; membership: Relation; status: 'present' | 'late' | 'absent' | 'excused' }[] | null
}

export type Submission = DocumentBase & {
  membership: Relation
  session: Relation
  title?: string | null
  url?: string | null
  post?: Relation | null
  submittedAt: string
  source?: SubmissionSource | null
  review?: SubmissionReview | null
  /** When the feed poller first saw the post (submissions from feeds). */
  firstSeenAt?: string | null
  feedItem?: Relation | null
  group?: Relation | null
  /** The member's user, so a member may read and edit their own submissions. */
  memberUser?: Relation | null
}
