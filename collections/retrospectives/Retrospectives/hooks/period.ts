import type { CollectionBeforeChangeHook, FieldHook, Validate } from 'payload'

import { derivePeriod, periodTitle, type ContentLanguage, type PeriodInput } from '../../../shared/lib/periods'
import type { Retrospective } from '../../types'

const asDateTime = (day: string) => `${day}T00:00:00.000Z`

/** The title a retrospective gets from its period, in its content language. */
export function titleFromPeriod(
  data: Partial<Retrospective> | undefined,
  originalDoc: Partial<Retrospective> | undefined,
): string | undefined {
  const period = derivePeriod({ ...originalDoc?.period, ...data?.period })
  if ('error' in period) return undefined
  const language: ContentLanguage = (data?.language ?? originalDoc?.language) === 'en' ? 'en' : 'ko'
  return periodTitle(period, language)
}

/** The title is generated from the period when left empty. */
export const generateTitle: FieldHook<Retrospective, string | null | undefined> = ({ value, data, originalDoc }) =>
  typeof value === 'string' && value.trim() !== '' ? value : (titleFromPeriod(data, originalDoc) ?? value)

/** A validator for one field of the period group: it reports only the errors that belong to it. */
export const validatePeriodField =
  (field: keyof PeriodInput): Validate =>
  (_value, { siblingData }) => {
    const period = derivePeriod(siblingData as PeriodInput)
    return 'error' in period && period.field === field ? period.error : true
  }

/** Start and end dates always follow kind, year and index; a custom period keeps its own. */
export const storeDerivedPeriod: CollectionBeforeChangeHook<Retrospective> = ({ data, originalDoc }) => {
  const period = derivePeriod({ ...originalDoc?.period, ...data.period })
  if ('error' in period) return data
  return {
    ...data,
    period: {
      ...data.period,
      kind: period.kind,
      year: period.year,
      index: period.index,
      startDate: asDateTime(period.startDate),
      endDate: asDateTime(period.endDate),
    },
  }
}
