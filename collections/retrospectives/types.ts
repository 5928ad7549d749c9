import type { DerivedContent, DocumentBase, Publishable, Relation, RichTextValue, SeoMeta } from '../shared/documents'
import type { PeriodKind } from '../shared/lib/periods'
import type { GoalStatus } from './constants'

export type RetrospectivePeriod = {
  kind: PeriodKind
  year?: number | null
  index?: number | null
  startDate?: string | null
  endDate?: string | null
}

export type RetrospectiveGoal = {
  id?: string | null
  text: string
  area?: Relation | null
  status: GoalStatus
  note?: string | null
  carriedFromRetrospective?: Relation | null
  carriedFromGoal?: string | null
}

export type Retrospective = DocumentBase &
  Publishable &
  DerivedContent & {
    title?: string | null
    slug?: string | null
    language?: 'ko' | 'en' | null
    period: RetrospectivePeriod
    excerpt?: string | null
    coverImage?: Relation | null
    sections?: { id?: string | null; heading: string; area?: Relation | null; body?: RichTextValue }[] | null
    goals?: RetrospectiveGoal[] | null
    principles?: { id?: string | null; text: string }[] | null
    tags?: Relation[] | null
    relatedPosts?: Relation[] | null
    studyGroups?: Relation[] | null
    cohorts?: Relation[] | null
    publishedAt?: string | null
    sourceHash?: string | null
    meta?: SeoMeta
  }

export type RetrospectiveArea = DocumentBase & {
  name: string
  nameEn?: string | null
  slug?: string | null
}
